import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientCredentials, isJamfAuthError, userCredentials } from '../src/index.js';
import { type FakeJamf, gate, startFakeJamf } from './support/fake-jamf.js';
import { startWorker } from './support/worker-process.js';

let jamf: FakeJamf | undefined;
afterEach(async () => {
  await jamf?.close();
});

describe('close() and Symbol.asyncDispose', () => {
  it('invalidate a live user token exactly once, however often called', async () => {
    jamf = await startFakeJamf();
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
    });
    const token = await provider.getToken();
    await Promise.all([provider.close(), provider.close(), provider[Symbol.asyncDispose]()]);
    await provider.close();
    expect(jamf.count('/api/v1/auth/invalidate-token')).toBe(1);
    expect(jamf.calls.at(-1)?.authorization).toBe(`Bearer ${token.token}`);
    expect(jamf.live.has(token.token)).toBe(false);
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'PROVIDER_CLOSED')).toBe(true);
  });

  it('aborts a token request in flight at once instead of waiting for its timeout', async () => {
    jamf = await startFakeJamf();
    const held = gate();
    jamf.holds.set('/api/v1/auth/token', held.wait);
    const arrived = jamf.nextRequest('/api/v1/auth/token');
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
      timeoutMs: 3_600_000,
    });
    const pendingToken = provider.getToken().catch((e: unknown) => e);
    await arrived;
    // Settles although the server never answers (the hold stays closed until the end).
    await provider.close();
    expect(isJamfAuthError(await pendingToken, 'PROVIDER_CLOSED')).toBe(true);
    expect(jamf.count('/api/v1/auth/invalidate-token')).toBe(0);
    held.open();
  });

  // A real process: the property is that nothing (a timer, a socket) keeps it alive after close.
  it('a process exits on its own after close(), with a token request still unanswered', {
    timeout: 20_000,
  }, async () => {
    jamf = await startFakeJamf();
    const never = gate();
    jamf.holds.set('/api/v1/auth/token', never.wait);
    const arrived = jamf.nextRequest('/api/v1/auth/token');
    const worker = startWorker('./close-exit-worker.ts', { JAMF_URL: jamf.url });
    try {
      await arrived;
      worker.child.stdin.write('close\n');
      expect(await worker.next()).toBe('PROVIDER_CLOSED');
      expect(await worker.exited).toBe(0);
    } finally {
      worker.child.kill('SIGKILL');
      never.open();
    }
  });

  it('aborts both requests of the OAuth fallback path and leaves no timer behind', async () => {
    const signals: AbortSignal[] = [];
    const neverAnswers: typeof fetch = (input, init) => {
      const { signal } = new Request(input, init);
      signals.push(signal);
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    };
    const provider = clientCredentials({
      baseUrl: 'https://jamf.example.com',
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
      fetch: neverAnswers,
      timeoutMs: 3_600_000,
    });
    const pendingToken = provider.getToken().catch((e: unknown) => e);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    await provider.close();
    expect(isJamfAuthError(await pendingToken, 'PROVIDER_CLOSED')).toBe(true);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('a failing revoke is reported, not thrown, and close() still settles once', async () => {
    jamf = await startFakeJamf();
    const reported: unknown[] = [];
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
      onBackgroundError: (error) => reported.push(error),
    });
    await provider.getToken();
    jamf.overrides.set('/api/v1/auth/invalidate-token', (_req, res) => {
      res.writeHead(503).end();
    });
    await provider.close();
    await provider.close();
    expect(jamf.count('/api/v1/auth/invalidate-token')).toBe(1);
    expect(reported).toHaveLength(1);
    expect(isJamfAuthError(reported[0], 'TOKEN_ENDPOINT_ERROR')).toBe(true);
  });

  it('does nothing on the server when no token was fetched', async () => {
    jamf = await startFakeJamf();
    const provider = userCredentials({ baseUrl: jamf.url, username: 'admin', password: 'x' });
    await provider.close();
    expect(jamf.calls).toHaveLength(0);
  });

  it('drops OAuth tokens without a server call', async () => {
    jamf = await startFakeJamf();
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
    });
    await provider.getToken();
    await provider.close();
    await provider.close();
    expect(jamf.calls.map((c) => c.path)).toEqual(['/api/oauth/token']);
  });
});
