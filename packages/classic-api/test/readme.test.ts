import { readSnippets } from '@jamf/snippets';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('shows exactly the quick start that the typecheck compiles', () => {
    const { blocks } = readSnippets(new URL('../README.md', import.meta.url));
    expect(blocks.map((block) => block.source)).toContain('test/readme-quick-start.ts');
    for (const block of blocks) expect(block.shown, block.source).toBe(block.expected);
  });
});
