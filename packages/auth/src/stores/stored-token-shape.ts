import { isHeaderSafeToken } from '../header-safe-token.js';
import type { StoredToken } from '../token-store.js';

/**
 * The entry a shared store read, when it is a token a provider can use: a kind, a token that can
 * go in an `Authorization` header, a finite expiry. A shared file or Redis key can hold anything
 * (a hand edit, a bug of another program, an older format); such an entry is a miss, so the
 * provider fetches a fresh token instead of sending `Bearer ` with an empty or broken one.
 */
export function storedTokenOf(value: unknown): StoredToken | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, token, expiresAt, issuedAt, scope } = value as Record<string, unknown>;
  if (type !== 'user' && type !== 'oauth') return undefined;
  if (typeof token !== 'string' || !isHeaderSafeToken(token)) return undefined;
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) return undefined;
  const stored: StoredToken = { type, token, expiresAt };
  if (typeof issuedAt === 'number' && Number.isFinite(issuedAt)) stored.issuedAt = issuedAt;
  if (typeof scope === 'string') stored.scope = scope;
  return stored;
}
