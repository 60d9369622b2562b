import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('README', () => {
  it('quick start is examples/quick-start.ts, which typecheck covers', () => {
    const block = /## Quick start\n\n```ts\n([\s\S]*?)```/.exec(read('../README.md'))?.[1];
    expect(block).toBe(read('../examples/quick-start.ts'));
    const tsconfig = JSON.parse(read('../tsconfig.json')) as { include: string[] };
    expect(tsconfig.include).toContain('examples');
  });
});
