// Read-only virtual documents holding the before and after of each previewed object.
// Content lives in memory for the life of a preview; a new preview replaces the old one.
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'okg-preview';

export class PreviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Stores `text` under a URI of this scheme (`query` tells sides of one diff apart) and returns it. */
  put(path: string, text: string, query = ''): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path, query });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  /** Drops every document whose path starts with `prefix`. */
  clear(prefix: string): void {
    for (const key of [...this.texts.keys()]) {
      if (vscode.Uri.parse(key).path.startsWith(prefix)) this.texts.delete(key);
    }
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? `# ${vscode.l10n.t('This preview has been replaced by a newer one.')}\n`;
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}
