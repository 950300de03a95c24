// Read-only YAML of a GameServer or set as the cache holds it, updated live while it is open.
import * as vscode from 'vscode';
import type { ResourceKind } from '../cluster/resources';
import type { ClusterSession } from '../session/clusterSession';
import { objectYaml } from './objectYaml';

export const OBJECT_SCHEME = 'okg-object';

export function objectUri(kind: ResourceKind, namespace: string, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: OBJECT_SCHEME, path: `/${kind}/${namespace}/${name}.yaml` });
}

function parse(uri: vscode.Uri): { kind: ResourceKind; namespace: string; name: string } | undefined {
  const m = /^\/(GameServer|GameServerSet)\/([^/]*)\/(.+)\.yaml$/.exec(uri.path);
  return m ? { kind: m[1] as ResourceKind, namespace: m[2], name: m[3] } : undefined;
}

export class LiveObjectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The resourceVersion each open document shows, so only objects that changed are re-read. */
  private readonly shown = new Map<string, string | undefined>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly session: ClusterSession) {
    // Forget a document when it closes, not when it is missing from workspace.textDocuments: VS Code
    // asks for the content before the extension host lists the new document, and a refresh in that
    // window would otherwise drop it for good.
    this.subscriptions = [
      session.onDidChange(() => this.refreshOpen()),
      vscode.workspace.onDidCloseTextDocument((d) => this.shown.delete(d.uri.toString())),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const ref = parse(uri);
    if (!ref) return '# Not an OKG object address.\n';
    const obj = this.session.get(ref.kind, ref.namespace, ref.name);
    this.shown.set(uri.toString(), obj?.metadata.resourceVersion);
    if (!obj) return `# ${ref.kind} ${ref.namespace}/${ref.name} is not in the cluster (or not in the chosen namespaces).\n`;
    return objectYaml(obj);
  }

  private refreshOpen(): void {
    for (const [key, rv] of this.shown) {
      const uri = vscode.Uri.parse(key);
      const ref = parse(uri);
      if (ref && this.session.get(ref.kind, ref.namespace, ref.name)?.metadata.resourceVersion !== rv) this.changed.fire(uri);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
