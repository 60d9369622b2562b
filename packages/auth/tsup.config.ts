import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    sources: 'src/sources/index.ts',
    'aws-secrets-manager': 'src/sources/aws-secrets-manager.ts',
    resilience: 'src/resilience/index.ts',
    'file-store': 'src/stores/file-store.ts',
    'redis-store': 'src/stores/redis-store.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  splitting: true,
  target: 'node20',
});
