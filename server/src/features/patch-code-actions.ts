// Quick fixes for .kgpatch problems: the engine's `data.replacement` is the JSON value that goes in
// place of the JSON node at the problem's start (the whole string for a path segment).
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeAt, nodeRange, treeOf } from './json-context';
import { SOURCE } from './problem-diagnostic';

export function patchCodeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const fixable = diagnostics.filter((d) => d.source === SOURCE && (d.data as { replacement?: unknown } | undefined)?.replacement !== undefined);
  if (fixable.length === 0) return [];
  const root = treeOf(doc.getText());
  return fixable.flatMap((d) => {
    const node = nodeAt(root, doc.offsetAt(d.range.start));
    if (!node || node.type === 'property' || node.type === 'object' || node.type === 'array') return [];
    const replacement = JSON.stringify((d.data as { replacement: unknown }).replacement);
    return [
      {
        title: `Change to ${replacement}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [doc.uri]: [{ range: nodeRange(doc, node), newText: replacement }] } },
      },
    ];
  });
}
