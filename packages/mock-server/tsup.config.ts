import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', vitest: 'src/vitest.ts' },
    format: ['esm', 'cjs'],
    // CJS too shares one chunk, so `require`d subpaths see the same classes and one spec copy.
    splitting: true,
    dts: true,
    clean: true,
    target: 'node20',
  },
  {
    // The command line: ESM only, keeps its shebang.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
  },
]);
