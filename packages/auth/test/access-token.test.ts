import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AccessToken } from '../src/index.js';

const token = new AccessToken({
  type: 'oauth',
  token: 'very-secret-token',
  issuedAt: 1_000_000,
  expiresAt: 1_060_000,
  scope: 'api-role:1',
});

describe('AccessToken', () => {
  it('exposes the token string through .token only', () => {
    expect(token.token).toBe('very-secret-token');
    expect(token).toMatchObject({ type: 'oauth', expiresAt: 1_060_000, scope: 'api-role:1' });
    for (const view of [inspect(token), JSON.stringify(token), String(token), `${token}`]) {
      expect(view).not.toContain('very-secret-token');
    }
    expect(JSON.parse(JSON.stringify(token))).toEqual({
      type: 'oauth',
      token: '[redacted]',
      expiresAt: new Date(1_060_000).toISOString(),
      scope: 'api-role:1',
    });
    expect(Object.keys(token)).not.toContain('token');
  });

  it('isExpired(now, skew) and secondsRemaining(now)', () => {
    expect(token.isExpired(1_059_999)).toBe(false);
    expect(token.isExpired(1_060_000)).toBe(true);
    expect(token.isExpired(1_050_000, 10_000)).toBe(true);
    expect(token.isExpired(1_049_999, 10_000)).toBe(false);
    expect(token.secondsRemaining(1_000_000)).toBe(60);
    expect(token.secondsRemaining(1_059_500)).toBe(0);
    expect(token.secondsRemaining(2_000_000)).toBe(0);
    expect(token.lifetimeMs).toBe(60_000);
  });
});
