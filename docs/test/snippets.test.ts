import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const docs = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, docs), 'utf8');
const pages = readdirSync(docs).filter((name) => name.endsWith('.md') && name !== 'README.md');
const snippetFiles = readdirSync(new URL('snippets/', docs)).filter((name) => name.endsWith('.ts'));

/** `<!-- snippet: snippets/x.ts -->` followed by a ```ts block: the block must be that file. */
const MARKED_BLOCK = /<!-- snippet: (snippets\/[\w.-]+\.ts) -->\n```ts\n([\s\S]*?)```/g;

describe('guide snippets are the type-checked files under snippets/', () => {
  it('there are guides and snippets to check', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(snippetFiles.length).toBeGreaterThan(0);
  });

  for (const page of pages) {
    it(`${page}: every TypeScript block is a snippet file, verbatim`, () => {
      const text = read(page);
      const blocks = [...text.matchAll(MARKED_BLOCK)];
      expect(blocks.length).toBe(text.split('```ts\n').length - 1);
      for (const [, file, block] of blocks) expect(block).toBe(read(file ?? ''));
    });
  }

  it('every snippet file is shown by a guide', () => {
    const shown = pages.flatMap((page) =>
      [...read(page).matchAll(MARKED_BLOCK)].map((match) => match[1]),
    );
    expect(snippetFiles.map((name) => `snippets/${name}`).filter((f) => !shown.includes(f))).toEqual([]);
  });
});
