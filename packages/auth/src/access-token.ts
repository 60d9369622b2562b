import type { StoredToken } from './token-store.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const formatInstant = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : 'never');

/** What an {@link AccessToken} is made from; `token` is the secret. */
export interface AccessTokenInit {
  type: 'user' | 'oauth';
  token: string;
  /** Expiry as epoch milliseconds on the local clock. */
  expiresAt: number;
  /** When the token was issued (epoch ms, local clock); lets policies reason about its lifetime. */
  issuedAt?: number;
  /** OAuth scope the server granted, if any. */
  scope?: string;
}

/**
 * A bearer token with its expiry. The token string is readable through `.token` only:
 * `String()`, `JSON.stringify` and `util.inspect` show a redacted view.
 */
export class AccessToken {
  readonly type: 'user' | 'oauth';
  /** Expiry as epoch milliseconds on the local clock. */
  readonly expiresAt: number;
  /** Issue time as epoch milliseconds on the local clock. */
  readonly issuedAt: number;
  readonly scope: string | undefined;
  readonly #token: string;

  constructor(init: AccessTokenInit) {
    this.type = init.type;
    this.#token = init.token;
    this.expiresAt = init.expiresAt;
    this.issuedAt = init.issuedAt ?? init.expiresAt;
    this.scope = init.scope;
  }

  /** The secret token string, for an `Authorization` header. */
  get token(): string {
    return this.#token;
  }

  /** True when fewer than `skewMs` milliseconds remain before expiry at `nowMs`. */
  isExpired(nowMs: number, skewMs = 0): boolean {
    return this.expiresAt - nowMs <= skewMs;
  }

  /** Whole seconds left at `nowMs` (0 once expired). */
  secondsRemaining(nowMs: number): number {
    return Math.max(0, Math.floor((this.expiresAt - nowMs) / 1000));
  }

  /** Lifetime from issue to expiry, in milliseconds (0 when unknown). */
  get lifetimeMs(): number {
    return Math.max(0, this.expiresAt - this.issuedAt);
  }

  /** Plain data for a {@link TokenStore}; contains the secret, so only stores should call it. */
  toStored(): StoredToken {
    const stored: StoredToken = {
      type: this.type,
      token: this.#token,
      expiresAt: this.expiresAt,
    };
    if (this.scope !== undefined) stored.scope = this.scope;
    if (this.issuedAt !== this.expiresAt) stored.issuedAt = this.issuedAt;
    return stored;
  }

  /** Rebuilds a token read from a {@link TokenStore}. */
  static fromStored(stored: StoredToken): AccessToken {
    return tokenFromStored(stored);
  }

  /** A redacted, secret-free view. */
  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      token: '[redacted]',
      expiresAt: formatInstant(this.expiresAt),
      ...(this.scope === undefined ? {} : { scope: this.scope }),
    };
  }

  toString(): string {
    return `AccessToken(${this.type}, expires ${formatInstant(this.expiresAt)})`;
  }

  [inspectSymbol](): string {
    return this.toString();
  }
}

// Outside the class body on purpose: a class that names itself inside its body is emitted by
// esbuild as `var AccessToken = class _AccessToken`, and `AccessToken.name` would read
// `_AccessToken` in the ESM build (which has no keepNames, so bundlers can tree-shake it).
function tokenFromStored(stored: StoredToken): AccessToken {
  return new AccessToken({
    type: stored.type,
    token: stored.token,
    expiresAt: stored.expiresAt,
    issuedAt: typeof stored.issuedAt === 'number' ? stored.issuedAt : undefined,
    scope: stored.scope,
  });
}
