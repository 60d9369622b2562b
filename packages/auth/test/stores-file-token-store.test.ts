import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isJamfAuthError, type StoredToken } from '../src/index.js';
import { fileTokenStore } from '../src/stores/file-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jamf-auth-file-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TOKEN: StoredToken = {
  type: 'oauth',
  token: 'tok-1',
  expiresAt: 1_000_000,
  scope: 'api-role:1',
};

/** Lock files beside the store. */
async function lockFiles(): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.lock'));
}

let held: [string, string] | undefined;

describe('fileTokenStore()', () => {
  it('keeps tokens per key in a 0600 file, creating its folder, leaving no temp files', async () => {
    const path = join(dir, 'nested', 'tokens.json');
    const store = fileTokenStore(path);
    expect(await store.get('a')).toBeUndefined();
    await store.set('a', TOKEN);
    await store.set('b', { ...TOKEN, token: 'tok-2' });
    expect(await store.get('a')).toEqual(TOKEN);
    expect(await fileTokenStore(path).get('b')).toMatchObject({ token: 'tok-2' });
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'nested'))).toEqual(['tokens.json']);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ b: { ...TOKEN, token: 'tok-2' } });
  });

  it('treats a damaged file as empty and repairs it on the next write', async () => {
    const path = join(dir, 'tokens.json');
    await writeFile(path, '{"a": {"tok', { mode: 0o600 });
    const store = fileTokenStore(path);
    expect(await store.get('a')).toBeUndefined();
    await store.set('a', TOKEN);
    expect(await store.get('a')).toEqual(TOKEN);
  });

  it('serialises withLock callers per key and frees the lock after a failure', async () => {
    const store = fileTokenStore(join(dir, 'tokens.json'), { pollMs: 1 });
    const order: string[] = [];
    let releaseFirst!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const first = store.withLock('k', async () => {
      order.push('first in');
      entered();
      await new Promise<void>((r) => (releaseFirst = r));
      order.push('first out');
      throw new Error('boom');
    });
    await inside;
    const second = store.withLock('k', async () => {
      order.push('second');
      return 2;
    });
    releaseFirst();
    await expect(first).rejects.toThrow('boom');
    expect(await second).toBe(2);
    expect(order).toEqual(['first in', 'first out', 'second']);
    expect(await lockFiles()).toEqual([]);
  });

  it('gives up with STORE_LOCK_TIMEOUT once lockTimeoutMs has passed on its clock, however slow each attempt', async () => {
    // A live holder (this very process) that keeps its lock renewed.
    const path = join(dir, 'tokens.json');
    let now = 5_000_000;
    const probe = fileTokenStore(path);
    await probe.withLock('k', async () => {
      const [name] = await lockFiles();
      const lockPath = join(dir, name!);
      const record = JSON.parse(await readFile(lockPath, 'utf8')) as Record<string, unknown>;
      held = [lockPath, JSON.stringify({ ...record, id: 'other', renewedAt: now + 1e9 })];
    });
    await writeFile(...held!);
    const waits: number[] = [];
    const contender = fileTokenStore(path, {
      now: () => now,
      lockTimeoutMs: 10_000,
      staleLockMs: 5_000,
      pollMs: 25,
      // Every attempt costs a second on a loaded file system: only the clock says how long.
      sleep: async (ms: number) => {
        waits.push(ms);
        now += 1_000;
      },
    });
    const error = await contender.withLock('k', async () => 'never').catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'STORE_LOCK_TIMEOUT')).toBe(true);
    expect(waits).toHaveLength(10);
  });

  it('refuses a lock wait that is not longer than the stale age (STORE_OPTIONS_INVALID)', () => {
    expect(() =>
      fileTokenStore(join(dir, 'tokens.json'), { staleLockMs: 60_000, lockTimeoutMs: 30_000 }),
    ).toThrow(expect.objectContaining({ code: 'STORE_OPTIONS_INVALID' }));
  });

  it('a live holder keeps its lock past staleLockMs by renewing it', {
    timeout: 15_000,
  }, async () => {
    // Stale age and wait are generous so a loaded CI machine's event-loop stalls (hundreds of ms)
    // cannot pass for a missed renewal; the wait still spans several stale ages.
    const options = { staleLockMs: 1_000, lockTimeoutMs: 8_000, pollMs: 10 };
    const holder = fileTokenStore(join(dir, 'tokens.json'), options);
    const contender = fileTokenStore(join(dir, 'tokens.json'), options);
    const order: string[] = [];
    let entered!: () => void;
    let leave!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const held = holder.withLock('k', async () => {
      order.push('holder in');
      entered();
      await new Promise<void>((r) => (leave = r));
      order.push('holder out');
    });
    await inside;
    const contended = contender.withLock('k', async () => {
      order.push('contender in');
    });
    // Real time on purpose: the lock must outlive several stale ages while its holder works.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    leave();
    await Promise.all([held, contended]);
    expect(order).toEqual(['holder in', 'holder out', 'contender in']);
  });

  it('recovers a lock left by a crashed process once it is older than staleLockMs', async () => {
    const path = join(dir, 'tokens.json');
    let now = 10_000_000;
    const store = fileTokenStore(path, {
      now: () => now,
      staleLockMs: 60_000,
      lockTimeoutMs: 120_000,
      sleep: async () => {
        now += 30_000;
      },
    });
    // Take a lock, then put its file back after release: what a killed holder leaves behind.
    let abandoned: [string, string] | undefined;
    await store.withLock('k', async () => {
      const [name] = await lockFiles();
      abandoned = [join(dir, name!), await readFile(join(dir, name!), 'utf8')];
    });
    await writeFile(...abandoned!);
    expect(await lockFiles()).toHaveLength(1);
    const ran = await store.withLock('k', async () => 'ran');
    expect(ran).toBe('ran');
    expect(now).toBe(10_060_000);
    expect(await lockFiles()).toEqual([]);
  });
});
