import { AccessToken } from './access-token.js';
import { isJamfAuthError, JamfAuthError } from './errors.js';
import { defaultRefreshPolicy, type RefreshPolicy } from './refresh-policy.js';
import { parseServerUrl, type ServerUrl } from './server-url.js';
import { SingleFlight } from './single-flight.js';
import type { TokenEndpointContext } from './token-endpoint.js';
import type { ProviderOptions, TokenProvider } from './token-provider.js';
import { memoryTokenStore, type TokenStore } from './token-store.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const DEFAULT_TIMEOUT_MS = 30_000;
const BACKGROUND_RETRY_DELAY_MS = 5_000;

/** One way of getting tokens (user, OAuth, legacy); the provider adds caching and timing. */
export interface TokenGrant {
  readonly kind: 'user' | 'oauth';
  /** The principal (username or client id) for display and store keys; never a secret. */
  readonly principal: string;
  readonly authorizationScheme: string;
  request(context: TokenEndpointContext): Promise<AccessToken>;
  /** Exchanges a live token for a new one; throws `KEEP_ALIVE_REFUSED` when the server says no. */
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
  const injected = options.fetch;
  return {
    server,
    context: {
      fetch: injected ?? ((input, init) => globalThis.fetch(input, init)),
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
  readonly #context: TokenEndpointContext;
  readonly #store: TokenStore;
  readonly #storeKey: string;
  readonly #policy: RefreshPolicy;
  readonly #onBackgroundError: ((error: unknown) => void) | undefined;
  readonly #flight = new SingleFlight<AccessToken>();
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
    this.#context = context;
    this.#store = options.store ?? memoryTokenStore();
    this.#storeKey = `jamf-auth:${grant.kind}:${server.root}:${encodeURIComponent(grant.principal)}`;
    this.#policy = options.refreshPolicy ?? defaultRefreshPolicy();
    this.#onBackgroundError = options.onBackgroundError;
  }

  async getToken(): Promise<AccessToken> {
    if (this.#closing !== undefined) {
      throw new JamfAuthError('PROVIDER_CLOSED', 'the token provider has been closed');
    }
    const current = this.#current;
    if (current !== undefined) {
      const decision = this.#policy.decide(current, this.#context.now());
      if (decision === 'use') return current;
      if (decision === 'refresh') {
        this.#refreshInBackground(current);
        return current;
      }
    }
    const token = await this.#flight.run(() => this.#acquire());
    if (this.#policy.decide(token, this.#context.now()) === 'refresh') {
      this.#refreshInBackground(token);
    }
    return token;
  }

  async invalidate(token: AccessToken): Promise<void> {
    if (this.#current?.token === token.token) this.#current = undefined;
    await this.#store.withLock(this.#storeKey, async () => {
      const stored = await this.#store.get(this.#storeKey);
      if (stored?.token === token.token) await this.#store.delete(this.#storeKey);
    });
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  async #close(): Promise<void> {
    await this.#flight.settled();
    const token = this.#current;
    this.#current = undefined;
    if (token === undefined) return;
    // Revoking on the server matters most; the store clean-up is attempted even if it fails.
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

  /** Store hit, or one token request under the store's lock (re-reading the store inside it). */
  async #acquire(): Promise<AccessToken> {
    const cached = await this.#readUsable();
    if (cached !== undefined) return this.#adopt(cached);
    return this.#store.withLock(this.#storeKey, async () => {
      const stored = await this.#readUsable();
      if (stored !== undefined) return this.#adopt(stored);
      return this.#save(await this.#requestNew());
    });
  }

  /** Keep-alive (user) or a new token (OAuth) for a still-valid token inside its window. */
  async #refresh(old: AccessToken): Promise<AccessToken> {
    return this.#store.withLock(this.#storeKey, async () => {
      const stored = await this.#readUsable();
      // Another process (or an earlier flight) already refreshed it.
      if (stored !== undefined && stored.token !== old.token) {
        if (this.#policy.decide(stored, this.#context.now()) === 'use') return this.#adopt(stored);
      }
      const base = stored ?? old;
      if (this.#grant.keepAlive !== undefined && !base.isExpired(this.#context.now())) {
        try {
          return this.#save(await this.#grant.keepAlive(this.#context, base));
        } catch (error) {
          if (!isJamfAuthError(error, 'KEEP_ALIVE_REFUSED')) throw error;
        }
      }
      return this.#save(await this.#requestNew());
    });
  }

  #refreshInBackground(token: AccessToken): void {
    if (this.#flight.isActive || this.#context.now() < this.#backgroundPausedUntil) return;
    this.#flight
      .run(() => this.#refresh(token))
      .catch((error: unknown) => {
        const retryAfterMs = isJamfAuthError(error) ? error.retryAfterMs : undefined;
        this.#backgroundPausedUntil =
          this.#context.now() + (retryAfterMs ?? BACKGROUND_RETRY_DELAY_MS);
        this.#report(error);
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
      return await this.#grant.request(this.#context);
    } catch (error) {
      if (isJamfAuthError(error, 'RATE_LIMITED') && error.retryAfterMs !== undefined) {
        this.#rateLimitedUntil = this.#context.now() + error.retryAfterMs;
      }
      throw error;
    }
  }

  async #readUsable(): Promise<AccessToken | undefined> {
    const stored = await this.#store.get(this.#storeKey);
    if (stored === undefined || stored.type !== this.kind) return undefined;
    const token = AccessToken.fromStored(stored);
    return this.#policy.decide(token, this.#context.now()) === 'replace' ? undefined : token;
  }

  #adopt(token: AccessToken): AccessToken {
    // Also while closing: close() waits for the flight, then revokes what it brought.
    this.#current = token;
    return token;
  }

  async #save(token: AccessToken): Promise<AccessToken> {
    await this.#store.set(this.#storeKey, token.toStored());
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
