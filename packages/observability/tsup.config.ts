import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', otel: 'src/otel/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  splitting: true,
  target: 'node20',
});
