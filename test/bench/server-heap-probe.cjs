// Preloaded into the language server process by lsp-memory.bench.ts: on request over the IPC channel,
// collects garbage and reports the process's memory, so the figure is the server's alone.
process.on('message', (message) => {
  if (message !== 'memory') return;
  global.gc();
  process.send(process.memoryUsage());
});
