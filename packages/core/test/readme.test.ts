import { readSnippets } from '@jamf/snippets';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('README', () => {
  it('shows test/support/readme-quick-start.ts verbatim, which typecheck covers', () => {
    const { blocks, unmarked } = readSnippets(new URL('../README.md', import.meta.url), {
      rewrite: { "'../../src/index.js'": "'@jamf/core'" },
    });
    expect(unmarked).toBe(0);
    expect(blocks.map((block) => block.source)).toEqual(['test/support/readme-quick-start.ts']);
    for (const block of blocks) expect(block.shown, block.source).toBe(block.expected);
  });

  it('prints what the quick start says it prints', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import('./support/readme-quick-start.js');
    expect(log.mock.calls).toEqual([['https://tenant.jamfcloud.com/api'], [120_000]]);
  });
});
