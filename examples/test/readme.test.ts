import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('shows the end-to-end example exactly as examples/end-to-end.ts, which typecheck compiles', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const example = await readFile(new URL('../end-to-end.ts', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
  });

  it('gives the two setup commands CI runs', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const ci = await readFile(new URL('../../.ci/run', import.meta.url), 'utf8');
    const test = 'npx -y pnpm@10.34.9 install --frozen-lockfile && npx -y pnpm@10.34.9 test';
    expect(readme).toContain(test);
    expect(ci).toContain(test);
    expect(readme).toContain(
      'npx -y pnpm@10.34.9 install --frozen-lockfile && npx -y pnpm@10.34.9 demo',
    );
  });
});
