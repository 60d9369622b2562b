// Preloaded into a measured server (node --expose-gc --import): a full garbage collection on
// SIGUSR2, so a benchmark can read the resident set size of what the server keeps, not of
// garbage V8 has not collected yet.
if (typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => {
    globalThis.gc();
    globalThis.gc();
  });
}
