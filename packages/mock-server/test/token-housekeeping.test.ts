import { describe, expect, it } from 'vitest';
import { createJamfMock } from '../src/index.js';
import { MAX_LIVE_TOKENS } from '../src/state/issued-tokens.js';
import { api, userToken } from './support/auth-support.js';

const account = { kind: 'account', username: 'admin' } as const;

describe('token housekeeping', () => {
  it('collects expired tokens on the mock clock as new ones are issued, so the store stays small', () => {
    let now = Date.UTC(2026, 0, 1);
    const mock = createJamfMock({ now: () => now });
    const { tokens } = mock.state;
    for (let i = 0; i < 5000; i++) {
      tokens.issue(account, 60);
      now += 100; // each token expires 600 issues later: 599 are live at the end
    }
    expect(tokens.size).toBe(599);
    // Swept while issuing: without collection all 5,000 records would still be held.
    expect(tokens.retained).toBeLessThan(2048);
    now += 60_000;
    const held = tokens.retained;
    expect(tokens.collectExpired()).toBe(held);
    expect(tokens.retained).toBe(0);
  });

  it('keeps at most MAX_LIVE_TOKENS live tokens, dropping the oldest issued first', () => {
    const mock = createJamfMock({ now: () => Date.UTC(2026, 0, 1) });
    const { tokens } = mock.state;
    const first = tokens.issue(account, 3600).token;
    for (let i = 0; i < MAX_LIVE_TOKENS; i++) tokens.issue(account, 3600);
    expect(tokens.retained).toBe(MAX_LIVE_TOKENS);
    expect(tokens.find(first)).toBeUndefined();
  });

  it('at the cap drops the oldest token still live, after revocations and churn', () => {
    const mock = createJamfMock({ now: () => Date.UTC(2026, 0, 1) });
    const { tokens } = mock.state;
    const issue = () => tokens.issue(account, 3600).token;
    const [first, second, third, fourth] = [issue(), issue(), issue(), issue()];
    // Keep-alive churn: each token revoked as soon as it is issued.
    for (let i = 0; i < 3 * MAX_LIVE_TOKENS; i++) tokens.revoke(issue());
    expect(tokens.retained).toBe(4);
    for (let i = 4; i < MAX_LIVE_TOKENS; i++) issue();
    expect(tokens.retained).toBe(MAX_LIVE_TOKENS);
    tokens.revoke(second!);
    // One place free: the first of three new tokens takes it, the next two push out the oldest
    // live ones, first and then third (the revoked second is passed over).
    for (let i = 0; i < 3; i++) issue();
    expect(tokens.find(first!)).toBeUndefined();
    expect(tokens.find(third!)).toBeUndefined();
    expect(tokens.find(fourth!)).toBeDefined();
    expect(tokens.retained).toBe(MAX_LIVE_TOKENS);
    // A full turn more: only the newest MAX_LIVE_TOKENS are left.
    const later = Array.from({ length: MAX_LIVE_TOKENS + 10 }, issue);
    expect(tokens.find(fourth!)).toBeUndefined();
    expect(tokens.find(later[9]!)).toBeUndefined();
    expect(tokens.find(later[10]!)).toBeDefined();
    expect(tokens.retained).toBe(MAX_LIVE_TOKENS);
  });
});

describe('token housekeeping over HTTP', () => {
  it('an expired token is refused and collected; the store holds only live tokens', async () => {
    let now = Date.UTC(2026, 0, 1);
    const mock = createJamfMock({ now: () => now, tokenLifetimeSeconds: 60 });
    const { setupServer } = await import('msw/node');
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const old = await userToken(mock);
      now += 61_000;
      expect((await api(mock, old, 'GET', '/v1/auth')).status).toBe(401);
      expect(mock.state.tokens.retained).toBe(0);
      const fresh = await userToken(mock);
      expect((await api(mock, fresh, 'GET', '/v1/auth')).status).toBe(200);
      expect(mock.state.tokens.retained).toBe(1);
    } finally {
      server.close();
    }
  });
});
