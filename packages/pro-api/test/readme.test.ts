import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');

describe('README', () => {
  it('shows the type-checked quick start (test/readme.quickstart.ts) verbatim', () => {
    const readme = read('../README.md');
    const section = readme.split('## Quick start')[1] ?? '';
    const shown = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const checked = read('./readme.quickstart.ts')
      .replaceAll("'../src/index.js'", "'@jamf/pro-api'")
      .replaceAll("'../src/privileges.js'", "'@jamf/pro-api/privileges'");
    expect(shown).toBe(checked);
  });

  it('lists every runtime export of both entry points in its API table', async () => {
    const readme = read('../README.md');
    const main = Object.keys(await import('../src/index.js'));
    const privileges = Object.keys(await import('../src/privileges.js'));
    for (const name of [...main, ...privileges]) expect(readme).toContain(`\`${name}`);
  });
});
