// Read-only YAML of a GameServer or set, updated live while it is open. The cache holds compact
// copies (only what the tree and the filters read), so the document shows the whole object, read
// from the cluster; it is read again whenever the cached copy's resourceVersion moves.
import * as vscode from 'vscode';
import type { ResourceKind } from '../cluster/resources';
import type { ClusterSession, SessionChange } from '../session/cluster-session';
import { objectYaml } from './object-yaml';

export const OBJECT_SCHEME = 'okg-object';

export function objectUri(kind: ResourceKind, namespace: string, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: OBJECT_SCHEME, path: `/${kind}/${namespace}/${name}.yaml` });
}

interface ObjectRef {
  kind: ResourceKind;
  namespace: string;
  name: string;
}

function parse(uri: vscode.Uri): ObjectRef | undefined {
  const m = /^\/(GameServer|GameServerSet)\/([^/]*)\/(.+)\.yaml$/.exec(uri.path);
  return m ? { kind: m[1] as ResourceKind, namespace: m[2], name: m[3] } : undefined;
}

export class LiveObjectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Each open document's object, and the cached resourceVersion when it was last read. */
  private readonly shown = new Map<string, { ref: ObjectRef; cachedVersion: string | undefined }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly session: ClusterSession) {
    // Forget a document when it closes, not when it is missing from workspace.textDocuments: VS Code
    // asks for the content before the extension host lists the new document, and a refresh in that
    // window would otherwise drop it for good.
    this.subscriptions = [session.onDidChange((c) => this.refreshOpen(c)), vscode.workspace.onDidCloseTextDocument((d) => this.shown.delete(d.uri.toString()))];
  }

  private cachedVersion(ref: ObjectRef): string | undefined {
    return this.session.get(ref.kind, ref.namespace, ref.name)?.metadata.resourceVersion;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = parse(uri);
    if (!ref) return `# ${vscode.l10n.t('Not an OKG object address.')}\n`;
    const cachedVersion = this.cachedVersion(ref);
    this.shown.set(uri.toString(), { ref, cachedVersion });
    if (cachedVersion === undefined) {
      return `# ${vscode.l10n.t('{0} {1}/{2} is not in the cluster (or not in the chosen namespaces).', ref.kind, ref.namespace, ref.name)}\n`;
    }
    try {
      return objectYaml(await this.session.fetch(ref.kind, ref.namespace, ref.name));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return `# ${vscode.l10n.t('{0} {1}/{2} could not be read from the cluster: {3}', ref.kind, ref.namespace, ref.name, message.replace(/\n/g, ' '))}\n`;
    }
  }

  /**
   * Reads again the open documents of the changed kind whose cached version moved: a look-up per
   * open document, cheaper than going through the batch's keys (hundreds a second at scale).
   */
  private refreshOpen(change: SessionChange): void {
    for (const [key, { ref, cachedVersion }] of this.shown) {
      if (ref.kind === change.kind && this.cachedVersion(ref) !== cachedVersion) this.changed.fire(vscode.Uri.parse(key));
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
