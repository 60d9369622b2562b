import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isJamfAuthError, type JamfAuthError, type StoredToken } from '../src/index.js';
import { fileTokenStore } from '../src/stores/file-store.js';
import { redisTokenStore } from '../src/stores/redis-store.js';

const TOKEN: StoredToken = { type: 'oauth', token: 'SECRET-TOKEN-4711', expiresAt: 4e12 };

async function failure(promise: Promise<unknown>): Promise<JamfAuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isJamfAuthError(error)) throw new Error(`expected a JamfAuthError, got ${String(error)}`);
  return error;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('redisTokenStore with no server to answer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("node-redis never connected: STORE_UNAVAILABLE, not the client's own error", async () => {
    const client = createClient({ url: `redis://127.0.0.1:${await closedPort()}` });
    const error = await failure(redisTokenStore(client).get('k'));
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.message).toMatch(/^Redis GET failed: /);
  });

  it('ioredis queueing for ever (maxRetriesPerRequest: null): STORE_UNAVAILABLE after commandTimeoutMs, no hang', async () => {
    vi.useFakeTimers();
    const client = new Redis({
      host: '127.0.0.1',
      port: await closedPort(),
      maxRetriesPerRequest: null,
      lazyConnect: true,
    });
    client.on('error', () => {});
    try {
      const pending = failure(redisTokenStore(client, { commandTimeoutMs: 2_000 }).get('k'));
      await vi.advanceTimersByTimeAsync(2_000);
      const error = await pending;
      expect(error.code).toBe('STORE_UNAVAILABLE');
      expect(error.message).toBe('Redis did not answer GET within 2000 ms');
    } finally {
      client.disconnect();
    }
  });

  it("a client error carrying the command's arguments: the token stays out of the typed error", async () => {
    const client = {
      call: async (command: string, ...args: Array<string | number>) => {
        throw Object.assign(new Error("READONLY You can't write against a read only replica."), {
          command: { name: command, args },
        });
      },
    };
    const error = await failure(redisTokenStore(client).set('k', TOKEN));
    expect(error.code).toBe('STORE_UNAVAILABLE');
    for (const view of [String(error), error.stack ?? '', inspect(error, { depth: 10 })]) {
      expect(view).not.toContain(TOKEN.token);
    }
  });

  it('an entry that is no usable token (empty, not header-safe, no expiry) reads as a miss', async () => {
    for (const entry of [
      { type: 'oauth', token: '', expiresAt: 4e12 },
      { type: 'oauth', token: 'a b\r\n', expiresAt: 4e12 },
      { type: 'oauth', token: 'tok', expiresAt: 'soon' },
      { type: 'other', token: 'tok', expiresAt: 4e12 },
      'text',
    ]) {
      const client = { call: async () => JSON.stringify(entry) };
      expect(await redisTokenStore(client).get('k')).toBeUndefined();
    }
  });

  it('refuses a commandTimeoutMs that is not a positive number of milliseconds', () => {
    const client = { call: async () => 'OK' };
    for (const commandTimeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => redisTokenStore(client, { commandTimeoutMs })).toThrow(
        expect.objectContaining({ code: 'STORE_OPTIONS_INVALID' }),
      );
    }
  });
});

describe('fileTokenStore on a path it cannot use', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jamf-auth-unavailable-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a path naming a folder: STORE_UNAVAILABLE (EISDIR), not the raw system error', async () => {
    const store = fileTokenStore(dir);
    expect((await failure(store.get('k'))).code).toBe('STORE_UNAVAILABLE');
    expect((await failure(store.set('k', TOKEN))).message).toMatch(/EISDIR/);
  });

  it('a path under a regular file: STORE_UNAVAILABLE with the system code', async () => {
    await writeFile(join(dir, 'plain'), 'x');
    const store = fileTokenStore(join(dir, 'plain', 'tokens.json'));
    const error = await failure(store.set('k', TOKEN));
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.message).toMatch(/\((EEXIST|ENOTDIR)\)$/);
  });

  it('a file holding a JSON array: replaced by the next write, so the token is kept', async () => {
    const path = join(dir, 'tokens.json');
    await writeFile(path, '[1,2]');
    const store = fileTokenStore(path);
    await store.set('k', TOKEN);
    expect(await store.get('k')).toEqual(TOKEN);
  });

  it('an entry that is no usable token reads as a miss, not as `Bearer ` with an empty token', async () => {
    const path = join(dir, 'tokens.json');
    for (const entry of [
      { type: 'oauth', token: '', expiresAt: 4e12 },
      { type: 'oauth', token: 5, expiresAt: 4e12 },
      { type: 'oauth', token: 'tok', expiresAt: null },
      null,
    ]) {
      await writeFile(path, JSON.stringify({ k: entry }));
      expect(await fileTokenStore(path).get('k')).toBeUndefined();
    }
    await writeFile(path, JSON.stringify({ k: TOKEN }));
    expect(await fileTokenStore(path).get('toString')).toBeUndefined();
  });
});
