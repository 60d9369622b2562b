import type { AccessToken } from './access-token.js';
import { JamfAuthError } from './errors.js';

/**
 * What to do with a cached token at a given moment:
 * - `use`: valid and outside the refresh window; use it as is.
 * - `refresh`: still valid but inside the refresh window; use it while one background refresh runs.
 * - `replace`: expired (or about to); callers wait for a new token.
 */
export type RefreshDecision = 'use' | 'refresh' | 'replace';

/** Decides when tokens are refreshed; replace it to change the timing. */
export interface RefreshPolicy {
  /** Classifies `token` at `nowMs` (epoch milliseconds on the provider's clock). */
  decide(token: AccessToken, nowMs: number): RefreshDecision;
}

/** Tuning of {@link defaultRefreshPolicy}; every field has a default. */
export interface DefaultRefreshPolicyOptions {
  /** User tokens are kept alive once fewer than this many seconds remain. Default 60. */
  userRefreshWindowSeconds?: number;
  /** OAuth tokens are replaced in this last fraction of their lifetime. Default 0.2. */
  oauthRefreshFraction?: number;
  /** Smallest OAuth refresh window, in seconds. Default 5. */
  oauthMinRefreshWindowSeconds?: number;
  /**
   * Largest OAuth refresh window, in seconds. Default 30: a long-lived token is replaced once,
   * shortly before it expires, so steady traffic makes about one token request per lifetime
   * (a 20% window alone made 1.25).
   */
  oauthMaxRefreshWindowSeconds?: number;
  /** A token with fewer than this many seconds left counts as expired (latency headroom). Default 5. */
  expiryMarginSeconds?: number;
}

/**
 * The standard policy: user tokens are reused while 60 s or more remain and kept alive inside
 * that window; OAuth tokens are replaced in the last 20% of their lifetime (at least 5 s, at most
 * 30 s).
 * @example userCredentials({ ..., refreshPolicy: defaultRefreshPolicy({ userRefreshWindowSeconds: 300 }) })
 */
export function defaultRefreshPolicy(options: DefaultRefreshPolicyOptions = {}): RefreshPolicy {
  checkPolicyOptions(options);
  const userWindowMs = (options.userRefreshWindowSeconds ?? 60) * 1000;
  const oauthFraction = options.oauthRefreshFraction ?? 0.2;
  const oauthMinWindowMs = (options.oauthMinRefreshWindowSeconds ?? 5) * 1000;
  const oauthMaxWindowMs = (options.oauthMaxRefreshWindowSeconds ?? 30) * 1000;
  const marginMs = (options.expiryMarginSeconds ?? 5) * 1000;
  return {
    decide(token, nowMs) {
      if (token.isExpired(nowMs, marginMs)) return 'replace';
      const windowMs =
        token.type === 'user'
          ? userWindowMs
          : Math.max(
              oauthMinWindowMs,
              Math.min(oauthMaxWindowMs, token.lifetimeMs * oauthFraction),
            );
      return token.isExpired(nowMs, windowMs) ? 'refresh' : 'use';
    },
  };
}

/** A window in seconds: a finite number ≥ 0. */
const SECONDS_OPTIONS = [
  'userRefreshWindowSeconds',
  'oauthMinRefreshWindowSeconds',
  'oauthMaxRefreshWindowSeconds',
  'expiryMarginSeconds',
] as const;

/** Refuses options that would make every token look expired (or never due) with `INVALID_OPTIONS`. */
function checkPolicyOptions(options: unknown): asserts options is DefaultRefreshPolicyOptions {
  if (typeof options !== 'object' || options === null) {
    throw new JamfAuthError('INVALID_OPTIONS', 'defaultRefreshPolicy options must be an object');
  }
  const given = options as Record<string, unknown>;
  for (const name of SECONDS_OPTIONS) {
    const value = given[name];
    if (
      value !== undefined &&
      !(typeof value === 'number' && Number.isFinite(value) && value >= 0)
    ) {
      throw new JamfAuthError(
        'INVALID_OPTIONS',
        `${name} must be a number of seconds ≥ 0, got ${String(value)}`,
      );
    }
  }
  const fraction = given.oauthRefreshFraction;
  if (fraction !== undefined && !(typeof fraction === 'number' && fraction >= 0 && fraction <= 1)) {
    throw new JamfAuthError(
      'INVALID_OPTIONS',
      `oauthRefreshFraction must be between 0 and 1, got ${String(fraction)}`,
    );
  }
}
