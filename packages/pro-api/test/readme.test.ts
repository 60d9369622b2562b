import { readFileSync } from 'node:fs';
import { readSnippets } from '@jamf/snippets';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');

describe('README', () => {
  it('shows the type-checked quick start (test/readme.quickstart.ts) verbatim', () => {
    const { blocks } = readSnippets(new URL('../README.md', import.meta.url), {
      rewrite: {
        "'../src/index.js'": "'@jamf/pro-api'",
        "'../src/privileges.js'": "'@jamf/pro-api/privileges'",
        "'../src/rsql.js'": "'@jamf/pro-api/rsql'",
      },
    });
    expect(blocks.map((block) => block.source)).toContain('test/readme.quickstart.ts');
    for (const block of blocks) expect(block.shown, block.source).toBe(block.expected);
  });

  it('lists every runtime export of the main, rsql and privileges entry points in its API table', async () => {
    const readme = read('../README.md');
    const main = Object.keys(await import('../src/index.js'));
    const rsql = Object.keys(await import('../src/rsql.js'));
    const privileges = Object.keys(await import('../src/privileges.js'));
    for (const name of [...main, ...rsql, ...privileges]) expect(readme).toContain(`\`${name}`);
  });
});
