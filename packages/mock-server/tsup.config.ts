import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.package.ts';

export default defineConfig(
  packageBuild({
    entry: { index: 'src/index.ts' },
    // vitest refuses `require`; the command line is run by node as ESM (bin/ imports it).
    esmOnlyEntry: { vitest: 'src/vitest.ts', cli: 'src/cli.ts' },
  }),
);
