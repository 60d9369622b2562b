import { readFileSync } from 'node:fs';
import { readSnippets } from '@jamf/snippets';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('README', () => {
  it('quick start is examples/quick-start.ts, which typecheck covers', () => {
    const { blocks } = readSnippets(new URL('../README.md', import.meta.url));
    expect(blocks.map((block) => block.source)).toContain('examples/quick-start.ts');
    for (const block of blocks) expect(block.shown, block.source).toBe(block.expected);
    const tsconfig = JSON.parse(read('../tsconfig.json')) as { include: string[] };
    expect(tsconfig.include).toContain('examples');
  });
});
