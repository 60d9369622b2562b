import { afterEach, describe, expect, it } from 'vitest';
import { type RefreshPolicy, userCredentials, withAuth } from '../src/index.js';
import { type FakeJamf, gate, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

/** Keep-alive once a token is `afterMs` old (real clock), so a short run sees several. */
function keepAliveAfter(afterMs: number): RefreshPolicy {
  return {
    decide: (token, nowMs) => {
      if (token.isExpired(nowMs, 5_000)) return 'replace';
      return nowMs - token.issuedAt >= afterMs ? 'refresh' : 'use';
    },
  };
}

const apiSends = () => jamf.calls.filter((c) => c.path.startsWith('/api/v1/computers/'));

describe('our own keep-alive never refuses our own calls', () => {
  // Real time on purpose: the property is about calls in flight while a keep-alive happens.
  it('one request per millisecond across keep-alives: no call is sent twice', {
    timeout: 20_000,
  }, async () => {
    jamf = await startFakeJamf({ userLifetimeSeconds: 1200 });
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
      refreshPolicy: keepAliveAfter(20),
    });
    const authed = withAuth(fetch, provider);
    await provider.getToken();
    const calls: Array<Promise<number>> = [];
    for (let i = 0; i < 65; i++) {
      calls.push(authed(`${jamf.url}/api/v1/computers/${i}`).then((r) => r.status));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const statuses = await Promise.all(calls);
    const keepAlives = jamf.count('/api/v1/auth/keep-alive');
    const extra = apiSends().length - 65;
    console.info(
      `keep-alive: ${keepAlives} keep-alive(s) during 65 sends at 1/ms, ${extra} extra send(s) (${(
        extra / Math.max(1, keepAlives)
      ).toFixed(2)} per keep-alive)`,
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(keepAlives).toBeGreaterThan(0);
    expect(extra).toBe(0);
  });

  it('a keep-alive waits for the calls in flight on the old token; new calls wait for its result', {
    timeout: 20_000,
  }, async () => {
    jamf = await startFakeJamf({ userLifetimeSeconds: 1200 });
    let inWindow = false;
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
      refreshPolicy: { decide: () => (inWindow ? 'refresh' : 'use') },
    });
    const authed = withAuth(fetch, provider);
    const old = await provider.getToken();
    const held = gate();
    jamf.holds.set('/api/v1/computers/slow', held.wait);
    const slow = Array.from({ length: 5 }, () =>
      authed(`${jamf.url}/api/v1/computers/slow`).then((r) => r.status),
    );
    await expect.poll(() => jamf.count('/api/v1/computers/slow')).toBe(5);
    inWindow = true;
    const fast = Array.from({ length: 5 }, () =>
      authed(`${jamf.url}/api/v1/computers/fast`).then((r) => r.status),
    );
    // Long enough for a keep-alive that did not wait to reach the server first.
    await Promise.race([
      jamf.nextRequest('/api/v1/auth/keep-alive'),
      new Promise((resolve) => setTimeout(resolve, 300)),
    ]);
    inWindow = false;
    held.open();
    expect(await Promise.all([...slow, ...fast])).toEqual(Array(10).fill(200));
    expect(apiSends()).toHaveLength(10);
    expect(jamf.count('/api/v1/auth/keep-alive')).toBe(1);
    const keepAliveAt = jamf.calls.findIndex((c) => c.path === '/api/v1/auth/keep-alive');
    const fastCalls = jamf.calls.filter((c) => c.path === '/api/v1/computers/fast');
    expect(fastCalls.every((c) => c.authorization !== `Bearer ${old.token}`)).toBe(true);
    expect(jamf.calls.slice(0, keepAliveAt).filter((c) => c.path.endsWith('/slow'))).toHaveLength(
      5,
    );
  });
});
