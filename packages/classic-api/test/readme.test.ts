import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('shows exactly the quick start that the typecheck compiles', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const snippet = await readFile(new URL('./readme-quick-start.ts', import.meta.url), 'utf8');
    const block = /## Quick start\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(snippet);
  });
});
