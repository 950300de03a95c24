// `#yaml` is the yaml library's browser build (tsconfig.json `paths`, which tsx and esbuild honour as
// well): the same code and API as its Node build, without the read of process.env per token that makes
// the Node build's parser a fifth slower (docs/ARCHITECTURE.md). yaml's `exports` do not offer the
// browser build to Node, hence the path; its types are the Node build's.
declare module '#yaml' {
  export * from 'yaml';
}
