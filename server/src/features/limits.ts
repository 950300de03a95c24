// How much of a document the editor features read. Each bound keeps every request on the largest
// document it accepts within about a second and a bounded amount of memory (measured by
// test/bench/lsp-hostile.bench.ts); past a bound a feature says so instead of working slowly.

/**
 * Filters and patches: a real one is a few kilobytes, and 256 KB still holds a `$in` list of ten
 * thousand GameServer names. Checking a document dense with problems costs about 1 ms per KB, and the
 * parse behind completion, hover, quick fixes and formatting about 0.3 ms per KB.
 */
export const MAX_JSON_LENGTH = 256_000;

/**
 * YAML files: past this nothing is parsed. Below it, only the documents naming the OKG group are
 * (a cheap text search finds them), so a large multi-document file of other kinds costs little.
 */
export const MAX_YAML_LENGTH = 2_000_000;

/**
 * OKG documents checked per YAML file, in file order: half a second of checking at worst (documents
 * dense with problems cost up to 2 ms per KB). One GameServerSet is a few KB, so this is fifty or more
 * of them. The documents after it get one warning.
 */
export const MAX_YAML_CHECKED = 256_000;

/**
 * One YAML document that is checked, or parsed by hover and completion on a request: a GameServerSet
 * whose every line has a problem costs up to 4 ms per KB to check.
 */
export const MAX_YAML_DOCUMENT = 128_000;

/**
 * Diagnostics published per document. Thousands of them say nothing more than the first ones, and each
 * costs the server, the protocol and the editor; the rest are counted in one last diagnostic.
 */
export const MAX_DIAGNOSTICS = 500;
