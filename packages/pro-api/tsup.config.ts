import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.package.ts';

// One entry per area of the API, as the codegen writes them.
const areas = Object.fromEntries(
  readdirSync('src/generated/entries')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`areas/${file.slice(0, -'.ts'.length)}`, `src/generated/entries/${file}`]),
);

export default defineConfig(
  packageBuild({
    entry: {
      index: 'src/index.ts',
      privileges: 'src/privileges.ts',
      provisioning: 'src/provisioning.ts',
      rsql: 'src/rsql.ts',
      upload: 'src/upload/index.ts',
      ...areas,
    },
    bundleIntoCjs: ['openapi-fetch'],
  }),
);
