import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.package.ts';

export default defineConfig(
  packageBuild({ entry: { index: 'src/index.ts', node: 'src/node.ts' } }),
);
