import { describe, expect, it } from 'vitest';
import { readSnippets, SnippetError } from '../src/index.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

describe('readSnippets', () => {
  it('pairs each marked block with its file, rewritten, or its region', () => {
    const report = readSnippets(fixture('page.md'), {
      rewrite: { "'../src/index.js'": "'@jamf/example'" },
    });
    expect(report.blocks.map((block) => block.source)).toEqual(['hello.ts', 'regions.ts#shown']);
    for (const block of report.blocks) expect(block.shown).toBe(block.expected);
  });

  it('tells a block that drifted from its file', () => {
    const [hello] = readSnippets(fixture('page.md')).blocks;
    expect(hello?.shown).not.toBe(hello?.expected);
    expect(hello?.expected).toContain("'../src/index.js'");
  });

  it('counts TypeScript blocks no marker covers', () => {
    expect(readSnippets(fixture('page.md')).unmarked).toBe(1);
  });

  it.each([
    ['missing-file.md', 'SNIPPET_FILE_MISSING'],
    ['missing-region.md', 'SNIPPET_REGION_MISSING'],
  ])('%s → SnippetError %s', (page, code) => {
    let failure: unknown;
    try {
      readSnippets(fixture(page));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(SnippetError);
    expect((failure as SnippetError).code).toBe(code);
  });
});
