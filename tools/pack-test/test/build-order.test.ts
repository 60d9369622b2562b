import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { publishedPackages } from '../src/published-packages.js';

// turbo builds this workspace's dependencies before its test (`^build`): a published package
// missing here would be packed without a fresh dist.
it('depends on every published package, so turbo builds each before packing', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const dependencies = Object.keys(manifest.devDependencies);
  for (const { name } of publishedPackages()) expect(dependencies).toContain(name);
});
