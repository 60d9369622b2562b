import { describe, expect, it } from 'vitest';
import { memoryTokenStore } from '../src/index.js';

describe('memoryTokenStore', () => {
  it('stores, returns copies and deletes tokens by key', async () => {
    const store = memoryTokenStore();
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', { type: 'user', token: 't1', expiresAt: 10 });
    const read = await store.get('k');
    expect(read).toEqual({ type: 'user', token: 't1', expiresAt: 10 });
    if (read) read.token = 'mutated';
    expect((await store.get('k'))?.token).toBe('t1');
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });

  it('runs withLock callers for one key one at a time, even when one fails', async () => {
    const store = memoryTokenStore();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = store.withLock('k', async () => {
      order.push('a:start');
      await gate;
      order.push('a:end');
      throw new Error('a failed');
    });
    const second = store.withLock('k', async () => {
      order.push('b');
      return 2;
    });
    const other = store.withLock('other', async () => {
      order.push('other');
      return 3;
    });
    expect(await other).toBe(3);
    release();
    await expect(first).rejects.toThrow('a failed');
    expect(await second).toBe(2);
    expect(order).toEqual(['a:start', 'other', 'a:end', 'b']);
  });
});
