import { describe, expect, it } from 'vitest';
import {
  AccessToken,
  defaultRefreshPolicy,
  type RefreshPolicy,
  userCredentials,
} from '../src/index.js';
import { manualClock, startFakeJamf } from './support/fake-jamf.js';

const at = (type: 'user' | 'oauth', lifetimeS: number) =>
  new AccessToken({ type, token: 't', issuedAt: 0, expiresAt: lifetimeS * 1000 });

describe('defaultRefreshPolicy', () => {
  const policy = defaultRefreshPolicy();

  it('user tokens: use while ≥ 60 s remain, refresh inside the window, replace near expiry', () => {
    const user = at('user', 1200);
    expect(policy.decide(user, 0)).toBe('use');
    expect(policy.decide(user, 1_139_999)).toBe('use');
    expect(policy.decide(user, 1_140_000)).toBe('refresh');
    expect(policy.decide(user, 1_194_999)).toBe('refresh');
    expect(policy.decide(user, 1_195_000)).toBe('replace');
    expect(policy.decide(user, 2_000_000)).toBe('replace');
  });

  it('OAuth tokens: refresh in the last 20% of their lifetime, at least 5 s, at most 30 s', () => {
    const mid = at('oauth', 100); // 20% = 20 s
    expect(policy.decide(mid, 79_999)).toBe('use');
    expect(policy.decide(mid, 80_000)).toBe('refresh');
    const long = at('oauth', 600); // 20% = 120 s, at most 30 s: one token request per lifetime
    expect(policy.decide(long, 569_999)).toBe('use');
    expect(policy.decide(long, 570_000)).toBe('refresh');
    expect(policy.decide(long, 594_999)).toBe('refresh');
    expect(policy.decide(long, 595_000)).toBe('replace');
    const short = at('oauth', 20); // 20% = 4 s, min 5 s; margin 5 s → always refresh or replace
    expect(policy.decide(short, 0)).toBe('use');
    expect(policy.decide(short, 14_999)).toBe('use');
    expect(policy.decide(short, 15_000)).toBe('replace');
  });

  it('is tunable', () => {
    const custom = defaultRefreshPolicy({ userRefreshWindowSeconds: 300, expiryMarginSeconds: 0 });
    expect(custom.decide(at('user', 1200), 900_000)).toBe('refresh');
    expect(custom.decide(at('user', 1200), 1_199_999)).toBe('refresh');
    const wide = defaultRefreshPolicy({ oauthMaxRefreshWindowSeconds: 120 });
    expect(wide.decide(at('oauth', 600), 480_000)).toBe('refresh');
  });

  it('can be replaced by the user', async () => {
    const jamf = await startFakeJamf();
    try {
      const clock = manualClock();
      const alwaysReplace: RefreshPolicy = { decide: () => 'replace' };
      const provider = userCredentials({
        baseUrl: jamf.url,
        username: 'admin',
        password: 'correct horse',
        now: clock.now,
        refreshPolicy: alwaysReplace,
      });
      await provider.getToken();
      await provider.getToken();
      expect(jamf.count('/api/v1/auth/token')).toBe(2);
    } finally {
      await jamf.close();
    }
  });

  it('a policy that throws makes lease() and getToken() reject, never throw synchronously', async () => {
    const jamf = await startFakeJamf();
    try {
      let broken = false;
      const policy: RefreshPolicy = {
        decide: (token, now) => {
          if (broken) throw new Error('policy bug');
          return defaultRefreshPolicy().decide(token, now);
        },
      };
      const provider = userCredentials({
        baseUrl: jamf.url,
        username: 'admin',
        password: 'correct horse',
        refreshPolicy: policy,
      });
      await provider.getToken();
      broken = true;
      let leased: Promise<unknown> | undefined;
      expect(() => {
        leased = provider.lease?.();
      }).not.toThrow();
      await expect(leased).rejects.toThrow('policy bug');
      await expect(provider.getToken()).rejects.toThrow('policy bug');
    } finally {
      await jamf.close();
    }
  });
});
