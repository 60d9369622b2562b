import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('README', () => {
  it('quick start is examples/quick-start.ts, which typecheck covers', () => {
    const readme = read('../README.md');
    const block = /## Quick start\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    expect(block).toBe(read('../examples/quick-start.ts'));
    const tsconfig = JSON.parse(read('../tsconfig.json')) as { include: string[] };
    expect(tsconfig.include).toContain('examples');
  });

  it('lists a fields source for each of the 18 events', async () => {
    const { webhookEventNames } = await import('../src/index.js');
    const readme = read('../README.md');
    for (const name of webhookEventNames)
      expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });
});
