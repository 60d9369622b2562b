import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One entry per area of the API (`@jamf/pro-api/<tag>`), as the codegen writes them.
const areas = Object.fromEntries(
  readdirSync('src/generated/entries')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`areas/${file.slice(0, -'.ts'.length)}`, `src/generated/entries/${file}`]),
);

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    privileges: 'src/privileges.ts',
    provisioning: 'src/provisioning.ts',
    ...areas,
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node20',
});
