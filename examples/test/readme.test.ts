import { readFile } from 'node:fs/promises';
import { readSnippets } from '@jamf/snippets';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('shows the end-to-end example exactly as examples/end-to-end.ts, which typecheck compiles', () => {
    const { blocks } = readSnippets(new URL('../../README.md', import.meta.url));
    expect(blocks.map((block) => block.source)).toContain('examples/end-to-end.ts');
    for (const block of blocks) expect(block.shown, block.source).toBe(block.expected);
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
