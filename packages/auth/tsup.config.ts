import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.package.ts';

export default defineConfig(
  packageBuild({
    entry: {
      index: 'src/index.ts',
      'static-token': 'src/static-token.ts',
      'legacy-user-credentials': 'src/legacy-user-credentials.ts',
      sources: 'src/sources/index.ts',
      'aws-secrets-manager': 'src/sources/aws-secrets-manager.ts',
      resilience: 'src/resilience/index.ts',
      'file-store': 'src/stores/file-store.ts',
      'redis-store': 'src/stores/redis-store.ts',
    },
  }),
);
