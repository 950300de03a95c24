// LSP snippet helpers shared by the completion features.
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, type CompletionItem, type MarkupContent, type Range } from 'vscode-languageserver';

/** Escapes text so a snippet inserts it literally. */
export function literal(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

export function markdown(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

export function jsonBlock(json: string): string {
  return `\`\`\`json\n${json}\n\`\`\``;
}

/** Reopens the suggestion list after an insertion that leads straight to a value. */
export const SUGGEST_AGAIN = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export interface ItemSpec {
  label: string;
  /** Shown right after the label, to tell apart items with the same label. */
  labelDetail?: string;
  kind: CompletionItemKind;
  range: Range;
  newText: string;
  snippet: boolean;
  detail?: string;
  documentation?: string;
  sortText?: string;
  filterText?: string;
  deprecated?: boolean;
  suggestAgain?: boolean;
}

export function item(spec: ItemSpec): CompletionItem {
  return {
    label: spec.label,
    ...(spec.labelDetail !== undefined && { labelDetails: { detail: spec.labelDetail } }),
    kind: spec.kind,
    textEdit: { range: spec.range, newText: spec.newText },
    insertTextFormat: spec.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    ...(spec.detail !== undefined && { detail: spec.detail }),
    ...(spec.documentation !== undefined && { documentation: markdown(spec.documentation) }),
    ...(spec.sortText !== undefined && { sortText: spec.sortText }),
    ...(spec.filterText !== undefined && { filterText: spec.filterText }),
    ...(spec.deprecated && { tags: [CompletionItemTag.Deprecated] }),
    ...(spec.suggestAgain && { command: SUGGEST_AGAIN }),
  };
}
