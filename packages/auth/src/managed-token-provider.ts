import { acceptsPreparedRequests, type FetchLike, resolveUserAgent } from '@jamf/core';
import { AccessToken } from './access-token.js';
import { isJamfAuthError, JamfAuthError } from './errors.js';
import { withAuth } from './middleware.js';
import { defaultRefreshPolicy, type RefreshPolicy } from './refresh-policy.js';
import { parseServerUrl, type ServerUrl } from './server-url.js';
import { SingleFlight } from './single-flight.js';
import type { TokenEndpointContext } from './token-endpoint.js';
import type { CloseOptions, ProviderOptions, TokenLease, TokenProvider } from './token-provider.js';
import { memoryTokenStore, type TokenStore } from './token-store.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const DEFAULT_TIMEOUT_MS = 30_000;

/** Replaced by the package's version when the package is built (see tsup.package.ts). */
declare const __JAMF_PACKAGE_VERSION__: string | undefined;

/** This package as the `User-Agent` of its token requests names it. */
const AUTH_PACKAGE = {
  name: '@jamf/auth',
  version: typeof __JAMF_PACKAGE_VERSION__ === 'string' ? __JAMF_PACKAGE_VERSION__ : '0.0.0-dev',
};
const BACKGROUND_RETRY_DELAY_MS = 5_000;
/** Longest wait for our own calls on a token before a keep-alive retires it. */
const DRAIN_LIMIT_MS = 5_000;

/** One way of getting tokens (user, OAuth, legacy); the provider adds caching and timing. */
export interface TokenGrant {
  readonly kind: 'user' | 'oauth';
  /** The principal (username or client id) for display and store keys; never a secret. */
  readonly principal: string;
  /** The scope asked for ('' for none); part of the store key. */
  readonly scope: string;
  readonly authorizationScheme: string;
  /** A keyed hash of the credential for the store key (never the secret itself). */
  fingerprint(): Promise<string>;
  request(context: TokenEndpointContext): Promise<AccessToken>;
  /**
   * Exchanges a live token for a new one, killing the old one on the server; throws
   * `KEEP_ALIVE_REFUSED` when the server says no.
   */
  keepAlive?(context: TokenEndpointContext, token: AccessToken): Promise<AccessToken>;
  /** Revokes a live token on the server. */
  revoke?(context: TokenEndpointContext, token: AccessToken): Promise<void>;
}

/** Builds the server address and endpoint context shared by a provider and its grant. */
export function providerContext(options: ProviderOptions): {
  server: ServerUrl;
  context: TokenEndpointContext;
} {
  const server = parseServerUrl(options.baseUrl, options.allowInsecureHttp ?? false);
  return {
    server,
    context: {
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      userAgent: resolveUserAgent(options.userAgent, AUTH_PACKAGE),
      now: options.now ?? Date.now,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    },
  };
}

/**
 * Caches tokens, applies the refresh policy, shares one in-flight request among callers and
 * coordinates through the token store. Created by the provider functions; not exported.
 */
export class ManagedTokenProvider implements TokenProvider {
  readonly kind: 'user' | 'oauth';
  readonly origin: string;
  readonly authorizationScheme: string;
  readonly #grant: TokenGrant;
  readonly #root: string;
  readonly #context: TokenEndpointContext;
  /** The context of token requests: aborted by close(). */
  readonly #requestContext: TokenEndpointContext;
  readonly #closer = new AbortController();
  readonly #store: TokenStore;
  readonly #ownsStore: boolean;
  readonly #policy: RefreshPolicy;
  readonly #onBackgroundError: ((error: unknown) => void) | undefined;
  readonly #flight = new SingleFlight<AccessToken>();
  /** Tokens the API refused, with their expiry (kept until then): never handed out again. */
  readonly #refused = new Map<string, number>();
  /** One store clean-up per refused token, shared by every caller that reports it. */
  readonly #invalidations = new Map<string, Promise<void>>();
  /** Calls in flight per token (leases), so a keep-alive can wait for them. */
  readonly #inUse = new Map<string, number>();
  readonly #drainWakers = new Set<() => void>();
  #storeKey: Promise<string> | undefined;
  #current: AccessToken | undefined;
  #rateLimitedUntil = 0;
  #backgroundPausedUntil = 0;
  #closing: Promise<void> | undefined;

  constructor(
    grant: TokenGrant,
    server: ServerUrl,
    context: TokenEndpointContext,
    options: ProviderOptions,
  ) {
    this.kind = grant.kind;
    this.origin = server.origin;
    this.authorizationScheme = grant.authorizationScheme;
    this.#grant = grant;
    this.#root = server.root;
    this.#context = context;
    this.#requestContext = { ...context, signal: this.#closer.signal };
    this.#ownsStore = options.store === undefined;
    this.#store = options.store ?? memoryTokenStore();
    this.#policy = options.refreshPolicy ?? defaultRefreshPolicy();
    this.#onBackgroundError = options.onBackgroundError;
    // authorize() wraps with withAuth, which signs a client's prepared request in place.
    acceptsPreparedRequests(this);
  }

  getToken(): Promise<AccessToken> {
    return this.#obtain(false);
  }

  authorize(fetch: FetchLike): FetchLike {
    return withAuth(fetch, this);
  }

  lease(): Promise<TokenLease> {
    const now = this.leaseNow();
    if (now !== undefined) return Promise.resolve(now);
    return this.#obtain(true).then((token) => this.#leaseOf(token));
  }

  leaseNow(): TokenLease | undefined {
    // The common case, a cached token outside its refresh window, waits for nothing (bench P1:
    // the lease is on every call's path).
    const current = this.#usableNow();
    if (current === undefined) return undefined;
    this.#countUse(current);
    return this.#leaseOf(current);
  }

  /**
   * The cached token when it can be used as it is (open provider, not refused, outside its
   * refresh window); `undefined` sends the caller the slow way, which also turns a refresh
   * policy that throws into a rejection rather than a synchronous throw.
   */
  #usableNow(): AccessToken | undefined {
    const current = this.#current;
    if (this.#closing !== undefined || current === undefined) return undefined;
    if (this.#refused.has(current.token)) return undefined;
    try {
      return this.#policy.decide(current, this.#context.now()) === 'use' ? current : undefined;
    } catch {
      return undefined;
    }
  }

  #countUse(token: AccessToken): void {
    this.#inUse.set(token.token, (this.#inUse.get(token.token) ?? 0) + 1);
  }

  /** The lease of a token already counted as in use: releasing it ends that use. */
  #leaseOf(token: AccessToken): TokenLease {
    let released = false;
    return {
      token,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.#inUse.get(token.token) ?? 1) - 1;
        if (left > 0) {
          this.#inUse.set(token.token, left);
          return;
        }
        this.#inUse.delete(token.token);
        for (const wake of this.#drainWakers) wake();
      },
    };
  }

  invalidate(token: AccessToken): Promise<void> {
    if (this.#current?.token === token.token) this.#current = undefined;
    if (this.#refused.has(token.token)) {
      return this.#invalidations.get(token.token) ?? Promise.resolve();
    }
    // Marked before the first await: from here on nobody in this process can take it again.
    this.#refuse(token);
    const done = this.#forget(token).finally(() => this.#invalidations.delete(token.token));
    this.#invalidations.set(token.token, done);
    return done;
  }

  close(options: CloseOptions = {}): Promise<void> {
    this.#closing ??= this.#close(options.invalidate ?? this.#ownsStore);
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** A usable token; with `countUse`, counted as in use before anything else can run. */
  async #obtain(countUse: boolean): Promise<AccessToken> {
    if (this.#closing !== undefined) {
      throw new JamfAuthError('PROVIDER_CLOSED', 'the token provider has been closed');
    }
    const current = this.#current;
    const isUsable =
      current !== undefined &&
      !this.#refused.has(current.token) &&
      this.#policy.decide(current, this.#context.now()) !== 'replace';
    let token = isUsable ? current : await this.#flight.run(() => this.#acquire());
    if (this.#policy.decide(token, this.#context.now()) === 'refresh') {
      token = await this.#refreshFor(token);
    }
    if (countUse) this.#countUse(token);
    return token;
  }

  /**
   * A token inside its refresh window. An OAuth token stays valid while its successor is
   * fetched, so it is handed out at once. A user keep-alive kills the old token on the server,
   * so callers wait (at most one token request) for its result instead of taking a token that
   * is about to die; if it fails, the old token is used while it lasts.
   */
  async #refreshFor(token: AccessToken): Promise<AccessToken> {
    const pending = this.#startRefresh(token);
    if (pending === undefined || this.#grant.keepAlive === undefined) return token;
    try {
      return await pending;
    } catch (error) {
      if (this.#closing !== undefined || this.#refused.has(token.token)) throw error;
      if (this.#policy.decide(token, this.#context.now()) === 'replace') throw error;
      return token;
    }
  }

  #startRefresh(token: AccessToken): Promise<AccessToken> | undefined {
    if (this.#flight.isActive) return this.#flight.run(() => this.#refresh(token));
    if (this.#context.now() < this.#backgroundPausedUntil) return undefined;
    const run = this.#flight.run(() => this.#refresh(token));
    run.catch((error: unknown) => {
      const retryAfterMs = isJamfAuthError(error) ? error.retryAfterMs : undefined;
      this.#backgroundPausedUntil =
        this.#context.now() + (retryAfterMs ?? BACKGROUND_RETRY_DELAY_MS);
      this.#report(error);
    });
    return run;
  }

  async #close(invalidate: boolean): Promise<void> {
    this.#closer.abort();
    for (const wake of this.#drainWakers) wake();
    await this.#flight.settled();
    const token = this.#current;
    this.#current = undefined;
    // OAuth tokens cannot be revoked; a shared store keeps its token for the other sharers.
    if (token === undefined || this.kind === 'oauth' || !invalidate) return;
    if (this.#grant.revoke !== undefined && !token.isExpired(this.#context.now())) {
      await this.#grant.revoke(this.#context, token).catch((error: unknown) => this.#report(error));
    }
    await this.invalidate(token).catch((error: unknown) => this.#report(error));
  }

  /** Hands an unawaited failure to `onBackgroundError`; a throwing callback is ignored. */
  #report(error: unknown): void {
    try {
      this.#onBackgroundError?.(error);
    } catch {
      // A reporting hook must not turn into an unhandled rejection.
    }
  }

  /** `kind:server:principal:scope:fingerprint`; stores add their own prefix. */
  #key(): Promise<string> {
    this.#storeKey ??= this.#grant
      .fingerprint()
      .then((fingerprint) =>
        [
          this.kind,
          this.#root,
          encodeURIComponent(this.#grant.principal),
          encodeURIComponent(this.#grant.scope),
          fingerprint,
        ].join(':'),
      );
    return this.#storeKey;
  }

  #refuse(token: AccessToken): void {
    const nowMs = this.#context.now();
    for (const [value, expiresAt] of this.#refused) {
      if (expiresAt < nowMs) this.#refused.delete(value);
    }
    this.#refused.set(token.token, token.expiresAt);
  }

  /** Removes `token` from the store only if it is still the stored one (compare-and-delete). */
  async #forget(token: AccessToken): Promise<void> {
    const key = await this.#key();
    if (this.#store.deleteIfToken !== undefined) {
      await this.#store.deleteIfToken(key, token.token);
      return;
    }
    await this.#store.withLock(key, async () => {
      const stored = await this.#store.get(key);
      if (stored?.token === token.token) await this.#store.delete(key);
    });
  }

  /** Store hit, or one token request under the store's lock (re-reading the store inside it). */
  async #acquire(): Promise<AccessToken> {
    const key = await this.#key();
    const cached = await this.#readUsable(key);
    if (cached !== undefined) return this.#adopt(cached);
    return this.#store.withLock(key, async () => {
      const stored = await this.#readUsable(key);
      if (stored !== undefined) return this.#adopt(stored);
      return this.#save(key, await this.#requestNew());
    });
  }

  /** Keep-alive (user) or a new token (OAuth) for a still-valid token inside its window. */
  async #refresh(old: AccessToken): Promise<AccessToken> {
    if (this.#grant.keepAlive !== undefined) await this.#drain(old);
    const key = await this.#key();
    return this.#store.withLock(key, async () => {
      const stored = await this.#readUsable(key);
      // Another process (or an earlier flight) already refreshed it.
      if (stored !== undefined && stored.token !== old.token) {
        if (this.#policy.decide(stored, this.#context.now()) === 'use') return this.#adopt(stored);
      }
      const base = stored ?? old;
      if (
        this.#grant.keepAlive !== undefined &&
        !this.#refused.has(base.token) &&
        !base.isExpired(this.#context.now())
      ) {
        try {
          return this.#save(key, await this.#grant.keepAlive(this.#requestContext, base));
        } catch (error) {
          if (!isJamfAuthError(error, 'KEEP_ALIVE_REFUSED')) throw error;
        }
      }
      return this.#save(key, await this.#requestNew());
    });
  }

  /** Waits (bounded) until no call of ours is still in flight on `token`. */
  async #drain(token: AccessToken): Promise<void> {
    if ((this.#inUse.get(token.token) ?? 0) === 0) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        if ((this.#inUse.get(token.token) ?? 0) > 0 && !this.#closer.signal.aborted) return;
        finish();
      };
      const finish = () => {
        clearTimeout(timer);
        this.#drainWakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(finish, DRAIN_LIMIT_MS);
      this.#drainWakers.add(wake);
    });
  }

  async #requestNew(): Promise<AccessToken> {
    const waitMs = this.#rateLimitedUntil - this.#context.now();
    if (waitMs > 0) {
      throw new JamfAuthError(
        'RATE_LIMITED',
        `token requests are paused for ${Math.ceil(waitMs / 1000)} s after HTTP 429`,
        { retryAfterMs: waitMs },
      );
    }
    try {
      return await this.#grant.request(this.#requestContext);
    } catch (error) {
      if (isJamfAuthError(error, 'RATE_LIMITED') && error.retryAfterMs !== undefined) {
        this.#rateLimitedUntil = this.#context.now() + error.retryAfterMs;
      }
      throw error;
    }
  }

  async #readUsable(key: string): Promise<AccessToken | undefined> {
    const stored = await this.#store.get(key);
    if (stored === undefined || stored.type !== this.kind) return undefined;
    if (this.#refused.has(stored.token)) return undefined;
    const token = AccessToken.fromStored(stored);
    return this.#policy.decide(token, this.#context.now()) === 'replace' ? undefined : token;
  }

  #adopt(token: AccessToken): AccessToken {
    // Also while closing: close() waits for the flight, then revokes what it brought.
    this.#current = token;
    return token;
  }

  async #save(key: string, token: AccessToken): Promise<AccessToken> {
    await this.#store.set(key, token.toStored());
    return this.#adopt(token);
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind, origin: this.origin, principal: this.#grant.principal };
  }

  toString(): string {
    return `TokenProvider(${this.kind} ${this.#grant.principal} at ${this.origin})`;
  }

  [inspectSymbol](): string {
    return this.toString();
  }
}
