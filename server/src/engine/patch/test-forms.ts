// Where a `test` means something else to the API server than RFC 6902 says: null also passes for a
// missing member, and scalars are compared as JSON text (how the value is written, not just what it
// is), so some values match only from some senders, or never.
import type { Node } from 'jsonc-parser';
import * as l10n from '@vscode/l10n';
import type { Reporter } from './context';
import { apiServerJson, hasGoOnlyEscape } from './server-json';
import type { StructuredOp } from './structure';

export function checkTestForms(op: StructuredOp, report: Reporter): void {
  if (op.op !== 'test' || !op.value) return;
  const root = op.value.node;
  if (root.type === 'null' && op.path.segments.length > 0) {
    report.node(
      root,
      'warning',
      'test-null-passes-when-missing',
      l10n.t(
        'The API server passes this test when {0} is missing as well as when it is null (its JSON Patch library reads both the same); ' +
          'under RFC 6902, and in other tools, it passes only when the member exists and is null.',
        op.path.text,
      ),
    );
  }
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'array' && node.children?.some((item) => item.type === 'null')) {
      const message = l10n.t(
        "This array holds null, and the API server's JSON Patch library crashes when a `test` compares arrays that hold null: " +
          'this test never passes (when the arrays are compared, the request fails with 500 Internal Server Error).',
      );
      report.node(node, 'warning', 'test-array-with-null', message);
    }
    for (const child of node.children ?? []) stack.push(child);
    if (node.type === 'string' || node.type === 'number' || node.type === 'boolean') checkScalar(node, report);
  }
}

function checkScalar(node: Node, report: Reporter): void {
  const written = report.text.slice(node.offset, node.offset + node.length);
  const stored = apiServerJson(node.value);
  if (typeof node.value === 'string' && hasGoOnlyEscape(node.value)) {
    report.node(
      node,
      'warning',
      'test-value-escaped-by-server',
      written === stored
        ? l10n.t(
            'The API server writes <, > and & inside strings as \\u003c, \\u003e and \\u0026 and compares `test` values as JSON text, ' +
              'so this test fails when kgctl or the extension sends it (they send those characters as they are); ' +
              'written with these escapes, it matches only when the text is sent exactly as written (kruisegamectl -j, curl).',
          )
        : l10n.t(
            'The API server writes <, > and & inside strings as \\u003c, \\u003e and \\u0026 and compares `test` values as JSON text, ' +
              'so this test fails when kgctl or the extension sends it (they send those characters as they are), ' +
              'and when any tool sends the text as written: it never matches.',
          ),
    );
    return;
  }
  // Integers beyond 2^53 lose digits in JavaScript (and numbers beyond float64 are errors already): their text cannot be told here.
  const inexact = typeof node.value === 'number' && !Number.isSafeInteger(node.value) && (Number.isInteger(node.value) || !Number.isFinite(node.value));
  if (written === stored || inexact) return;
  report.node(
    node,
    'warning',
    'test-value-written-differently',
    l10n.t(
      'The API server compares `test` values as JSON text and writes this value as {0}. ' +
        'kgctl and the extension send it as {0}, but a tool that sends the patch text as written (kruisegamectl -j, curl) sends {1}, ' +
        'which never matches. Write {0}.',
      stored,
      written,
    ),
    { replacement: JSON.parse(stored) },
  );
}
