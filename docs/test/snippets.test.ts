import { readdirSync } from 'node:fs';
import { readSnippets } from '@jamf/snippets';
import { describe, expect, it } from 'vitest';

const docs = new URL('../', import.meta.url);
const pages = readdirSync(docs).filter((name) => name.endsWith('.md') && name !== 'README.md');
const snippetFiles = readdirSync(new URL('snippets/', docs)).filter((name) => name.endsWith('.ts'));

describe('guide snippets are the type-checked files under snippets/', () => {
  it('there are guides and snippets to check', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(snippetFiles.length).toBeGreaterThan(0);
  });

  for (const page of pages) {
    it(`${page}: every TypeScript block is a snippet file, verbatim`, () => {
      const { blocks, unmarked } = readSnippets(new URL(page, docs));
      expect(unmarked).toBe(0);
      for (const block of blocks) expect(block.shown, block.source).toBe(block.expected);
    });
  }

  it('every snippet file is shown by a guide', () => {
    const shown = pages.flatMap((page) =>
      readSnippets(new URL(page, docs)).blocks.map((block) => block.source),
    );
    const unshown = snippetFiles
      .map((name) => `snippets/${name}`)
      .filter((f) => !shown.includes(f));
    expect(unshown).toEqual([]);
  });
});
