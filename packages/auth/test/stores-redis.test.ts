import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientCredentials, isJamfAuthError } from '../src/index.js';
import { type RedisClientLike, redisTokenStore } from '../src/stores/redis-store.js';
import { type FakeJamf, gate, startFakeJamf } from './support/fake-jamf.js';
import { startWorker, type Worker } from './support/worker-process.js';

const hasRedisServer = spawnSync('redis-server', ['--version']).error === undefined;
if (!hasRedisServer) {
  console.warn(
    'redisTokenStore tests skipped: redis-server is not on PATH (apt-get install redis-server)',
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A throwaway redis-server on 127.0.0.1, ready once it says so on stdout. */
async function startRedis(): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${String(code)}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('Ready to accept connections')) resolve();
    });
  });
  return { port, process: child };
}

type ClientKind = 'ioredis' | 'node-redis';

describe.skipIf(!hasRedisServer)('redisTokenStore (needs redis-server on PATH)', () => {
  let redis: { port: number; process: ChildProcess };
  const opened: Array<{ close(): Promise<unknown> }> = [];
  let jamf: FakeJamf | undefined;

  async function connect(kind: ClientKind): Promise<RedisClientLike> {
    if (kind === 'ioredis') {
      const client = new Redis({ host: '127.0.0.1', port: redis.port });
      opened.push({ close: () => client.quit() });
      return client;
    }
    const client = createClient({ url: `redis://127.0.0.1:${redis.port}` });
    await client.connect();
    opened.push({ close: () => client.close() });
    return client;
  }

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
    await jamf?.close();
    jamf = undefined;
  });
  afterAll(async () => {
    if (!redis) return;
    const exited = new Promise((resolve) => redis.process.once('exit', resolve));
    redis.process.kill('SIGTERM');
    await exited;
  });

  it.each<[string, ClientKind[]]>([
    ['ioredis', ['ioredis', 'ioredis', 'ioredis', 'ioredis']],
    ['node-redis', ['node-redis', 'node-redis', 'node-redis', 'node-redis']],
    ['ioredis and node-redis together', ['ioredis', 'node-redis', 'ioredis', 'node-redis']],
  ])('four workers on %s make one token request per expiry', async (name, kinds) => {
    jamf = await startFakeJamf({ oauthLifetimeSeconds: 300 });
    let now = Date.now();
    const clock = () => now;
    const prefix = `test:${name}:`;
    const providers = await Promise.all(
      kinds.map(async (kind) =>
        clientCredentials({
          baseUrl: jamf!.url,
          clientId: 'client-1',
          clientSecret: 'shh-client-secret',
          now: clock,
          store: redisTokenStore(await connect(kind), { prefix, now: clock, pollMs: 5 }),
        }),
      ),
    );
    for (let expiry = 1; expiry <= 3; expiry++) {
      // Hold the token endpoint until the first request, so the others meet a held lock.
      let release!: () => void;
      jamf.holds.set('/api/oauth/token', new Promise<void>((r) => (release = r)));
      const first = jamf.nextRequest('/api/oauth/token');
      const tokens = Promise.all(providers.map((p) => p.getToken()));
      await first;
      release();
      const values = (await tokens).map((t) => t.token);
      expect(new Set(values).size).toBe(1);
      expect(jamf.count('/api/oauth/token')).toBe(expiry);
      now += 301_000;
    }
    expect(jamf.issued).toHaveLength(3);
  });

  it.each<ClientKind>(['ioredis', 'node-redis'])(
    'stores tokens with a Redis expiry and drops expired ones (%s)',
    async (kind) => {
      const raw = new Redis({ host: '127.0.0.1', port: redis.port });
      opened.push({ close: () => raw.quit() });
      const now = 1_000_000;
      const store = redisTokenStore(await connect(kind), {
        prefix: `ttl:${kind}:`,
        now: () => now,
      });
      await store.set('k', { type: 'oauth', token: 'tok', expiresAt: now + 60_000 });
      expect(await store.get('k')).toEqual({
        type: 'oauth',
        token: 'tok',
        expiresAt: now + 60_000,
      });
      const ttl = await raw.pttl(`ttl:${kind}:k`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
      await store.set('k', { type: 'oauth', token: 'old', expiresAt: now - 1 });
      expect(await store.get('k')).toBeUndefined();
      await store.set('k', { type: 'oauth', token: 'tok', expiresAt: now + 60_000 });
      await store.delete('k');
      expect(await raw.exists(`ttl:${kind}:k`)).toBe(0);
    },
  );

  it.each<ClientKind>(['ioredis', 'node-redis'])(
    'releases only its own lock (%s)',
    async (kind) => {
      const raw = new Redis({ host: '127.0.0.1', port: redis.port });
      opened.push({ close: () => raw.quit() });
      const store = redisTokenStore(await connect(kind), { prefix: `own:${kind}:` });
      const lockKey = `own:${kind}:k:lock`;
      await store.withLock('k', async () => {
        expect(await raw.exists(lockKey)).toBe(1);
      });
      expect(await raw.exists(lockKey)).toBe(0);
      // The lock expired mid-way and another process took it: releasing must leave theirs.
      await store.withLock('k', async () => {
        await raw.set(lockKey, 'another-owner', 'PX', 60_000);
      });
      expect(await raw.get(lockKey)).toBe('another-owner');
    },
  );

  it('keys carry one prefix: jamf-auth:<kind>:…, never jamf-auth:jamf-auth:', async () => {
    jamf = await startFakeJamf();
    const raw = new Redis({ host: '127.0.0.1', port: redis.port });
    opened.push({ close: () => raw.quit() });
    await raw.flushdb();
    await clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
      store: redisTokenStore(await connect('ioredis')),
    }).getToken();
    const keys = await raw.keys('*');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^jamf-auth:oauth:http:\/\/127\.0\.0\.1:\d+:client-1::[0-9a-f]{32}$/);
  });

  it('a process killed (SIGKILL) while holding the lock does not block the next one', {
    timeout: 20_000,
  }, async () => {
    jamf = await startFakeJamf();
    const never = gate();
    jamf.holds.set('/api/oauth/token', never.wait);
    const arrived = jamf.nextRequest('/api/oauth/token');
    const holder: Worker = startWorker('./stores-file-worker.ts', {
      JAMF_URL: jamf.url,
      REDIS_PORT: String(redis.port),
    });
    try {
      expect(await holder.next()).toBe('ready');
      holder.child.stdin.write('go\n');
      await arrived;
      holder.child.kill('SIGKILL');
      await holder.exited;
    } finally {
      holder.child.kill('SIGKILL');
    }
    jamf.holds.delete('/api/oauth/token');
    const raw = new Redis({ host: '127.0.0.1', port: redis.port });
    opened.push({ close: () => raw.quit() });
    expect(await raw.keys('*:lock')).toHaveLength(1);

    // Default options, as the next process has them.
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
      store: redisTokenStore(await connect('node-redis')),
    });
    const started = performance.now();
    const token = await provider.getToken();
    const recoveryMs = performance.now() - started;
    console.info(`Redis lock: recovered ${recoveryMs.toFixed(0)} ms after the holder was killed`);
    expect(token.token).toMatch(/^oauth-token-/);
    expect(jamf.count('/api/oauth/token')).toBe(2);
    never.open();
  });

  it('a live holder keeps its lock past lockTtlMs by renewing it', {
    timeout: 10_000,
  }, async () => {
    const options = { prefix: 'renew:', lockTtlMs: 150, lockTimeoutMs: 5_000, pollMs: 10 };
    const holder = redisTokenStore(await connect('ioredis'), options);
    const contender = redisTokenStore(await connect('node-redis'), options);
    const order: string[] = [];
    const inside = gate();
    const leave = gate();
    const held = holder.withLock('k', async () => {
      order.push('holder in');
      inside.open();
      await leave.wait;
      order.push('holder out');
    });
    await inside.wait;
    const contended = contender.withLock('k', async () => {
      order.push('contender in');
    });
    // Real time on purpose: the lock must outlive several TTLs while its holder works.
    await new Promise((resolve) => setTimeout(resolve, 600));
    leave.open();
    await Promise.all([held, contended]);
    expect(order).toEqual(['holder in', 'holder out', 'contender in']);
  });

  it('a lock left by a holder on another host is taken once its TTL runs out', {
    timeout: 10_000,
  }, async () => {
    const raw = new Redis({ host: '127.0.0.1', port: redis.port });
    opened.push({ close: () => raw.quit() });
    const foreign = JSON.stringify({ id: 'x', host: 'another-host', pid: 1, processStartedAt: 0 });
    // Real time on purpose: Redis expires the key; its pid means nothing on this host.
    await raw.set('foreign:k:lock', foreign, 'PX', 300);
    const store = redisTokenStore(await connect('ioredis'), { prefix: 'foreign:', pollMs: 10 });
    expect(await store.withLock('k', async () => 'ran')).toBe('ran');
    expect(await raw.exists('foreign:k:lock')).toBe(0);
  });

  it('gives up with STORE_LOCK_TIMEOUT after bounded polling', async () => {
    const raw = new Redis({ host: '127.0.0.1', port: redis.port });
    opened.push({ close: () => raw.quit() });
    await raw.set('busy:k:lock', 'someone', 'PX', 60_000);
    const waits: number[] = [];
    let now = 1_000_000;
    const store = redisTokenStore(await connect('node-redis'), {
      prefix: 'busy:',
      lockTimeoutMs: 200,
      lockTtlMs: 100,
      pollMs: 50,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    const error = await store.withLock('k', async () => 'never').catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'STORE_LOCK_TIMEOUT')).toBe(true);
    expect(waits).toEqual([50, 50, 50, 50]);
  });
});

describe('redisTokenStore client detection', () => {
  it('refuses a lock wait that is not longer than the lock TTL (STORE_OPTIONS_INVALID)', () => {
    const client = { call: async () => 'OK' } as RedisClientLike;
    expect(() => redisTokenStore(client, { lockTtlMs: 60_000, lockTimeoutMs: 30_000 })).toThrow(
      expect.objectContaining({ code: 'STORE_OPTIONS_INVALID' }),
    );
    expect(() => redisTokenStore(client)).not.toThrow();
  });

  it('refuses an object that is neither ioredis nor node-redis', () => {
    let caught: unknown;
    try {
      redisTokenStore({} as RedisClientLike);
    } catch (error) {
      caught = error;
    }
    expect(isJamfAuthError(caught, 'STORE_UNSUPPORTED_CLIENT')).toBe(true);
  });
});
