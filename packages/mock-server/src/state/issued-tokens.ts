import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { MockClock } from './clock.js';

/** Whom a token was issued to. */
export type TokenGrant =
  | { kind: 'account'; username: string }
  | {
      kind: 'api-client';
      integrationId: number;
      clientId: string;
      /** Role ids granted to this token (the captured roles, possibly narrowed by `scope`). */
      roleIds: readonly string[];
    };

/** A live token's record; the token string itself is not part of it. */
export interface IssuedToken {
  /** The `token-uuid` claim. */
  id: string;
  grant: TokenGrant;
  issuedAt: number;
  /** Epoch milliseconds at which the token stops working. */
  expiresAt: number;
}

/** Most live tokens a store keeps; issuing one more drops the oldest (see {@link IssuedTokens}). */
export const MAX_LIVE_TOKENS = 10_000;
/** Fewest records held before a sweep for expired ones is worth its cost. */
const MIN_SWEEP_SIZE = 1024;

/**
 * Bearer tokens issued by the mock. Tokens are JWT-shaped (`header.payload.signature`, base64url)
 * with claims like Jamf's, and expire on the mock's clock. Token strings stay in a private field.
 *
 * Housekeeping keeps memory bounded however many tokens are requested: expired records are
 * swept on the mock's clock whenever the store has doubled since the last sweep (amortised
 * O(1) per issue), and at most `maxLiveTokens` live tokens are kept, the oldest issued dropped
 * first (Jamf documents no such cap: the mock's own bound, so memory stays flat).
 */
export class IssuedTokens {
  /** Insertion order is issue order, which the cap relies on. */
  readonly #byToken = new Map<string, IssuedToken>();
  readonly #signingKey = randomBytes(32);
  readonly #clock: MockClock;
  readonly #maxLiveTokens: number;
  #sweepAt = MIN_SWEEP_SIZE;
  /**
   * Tokens in issue order from `#head` on, to drop the oldest at the cap. Asking the map for its
   * first key instead walks every entry deleted since V8 last rehashed it: ~9 µs per token
   * request once the cap was reached (bench P4's profile). Tokens revoked or collected since
   * stay here until passed over or compacted away.
   */
  #order: string[] = [];
  #head = 0;

  constructor(clock: MockClock, options: { maxLiveTokens?: number } = {}) {
    this.#clock = clock;
    this.#maxLiveTokens = Math.max(1, options.maxLiveTokens ?? MAX_LIVE_TOKENS);
  }

  /** Issues a token for `grant` that lives `lifetimeSeconds` from now. */
  issue(grant: TokenGrant, lifetimeSeconds: number): { token: string; record: IssuedToken } {
    const issuedAt = this.#clock.now();
    const record: IssuedToken = {
      id: randomUUID(),
      grant,
      issuedAt,
      expiresAt: issuedAt + lifetimeSeconds * 1000,
    };
    const token = this.#sign(record);
    if (this.#byToken.size >= this.#sweepAt) this.collectExpired();
    while (this.#byToken.size >= this.#maxLiveTokens && this.#dropOldest());
    this.#byToken.set(token, record);
    this.#order.push(token);
    this.#compactOrder();
    return { token, record };
  }

  /** Drops the oldest live token; false when none is held. */
  #dropOldest(): boolean {
    while (this.#head < this.#order.length) {
      const token = this.#order[this.#head++] as string;
      if (this.#byToken.delete(token)) return true;
    }
    return false;
  }

  /** Keeps `#order` within a constant factor of the live tokens (amortised O(1) per issue). */
  #compactOrder(): void {
    const pending = this.#order.length - this.#head;
    if (pending > 2 * this.#byToken.size + MIN_SWEEP_SIZE) {
      // Mostly revoked or collected: the map's keys are the live tokens in issue order.
      this.#order = [...this.#byToken.keys()];
      this.#head = 0;
    } else if (this.#head > MIN_SWEEP_SIZE && this.#head * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#head);
      this.#head = 0;
    }
  }

  /**
   * Drops every record whose token has expired on the mock's clock; returns how many. Issuing
   * runs it on its own as the store grows, so calling it is never required.
   */
  collectExpired(): number {
    const now = this.#clock.now();
    let collected = 0;
    for (const [token, record] of this.#byToken) {
      if (record.expiresAt <= now) {
        this.#byToken.delete(token);
        collected++;
      }
    }
    this.#sweepAt = Math.max(MIN_SWEEP_SIZE, this.#byToken.size * 2);
    return collected;
  }

  /** How many records the store holds, expired ones not yet collected included. */
  get retained(): number {
    return this.#byToken.size;
  }

  /** The record of a token that is known, not revoked and not expired. */
  find(token: string): IssuedToken | undefined {
    const record = this.#byToken.get(token);
    if (!record) return undefined;
    if (record.expiresAt <= this.#clock.now()) {
      this.#byToken.delete(token);
      return undefined;
    }
    return record;
  }

  /** Revokes one token; true when it was live. */
  revoke(token: string): boolean {
    return this.#byToken.delete(token);
  }

  /** Revokes every token issued so far (as if all had expired). */
  expireAll(): void {
    this.#byToken.clear();
    this.#order = [];
    this.#head = 0;
  }

  /** Revokes every token issued to the API integration `integrationId`. */
  revokeClient(integrationId: number): void {
    for (const [token, record] of this.#byToken) {
      if (record.grant.kind === 'api-client' && record.grant.integrationId === integrationId)
        this.#byToken.delete(token);
    }
  }

  /** Revokes every token issued to the user account `username` (deleted, renamed or disabled). */
  revokeAccount(username: string): void {
    for (const [token, record] of this.#byToken) {
      if (record.grant.kind === 'account' && record.grant.username === username)
        this.#byToken.delete(token);
    }
  }

  /** How many tokens are live right now. */
  get size(): number {
    const now = this.#clock.now();
    let live = 0;
    for (const record of this.#byToken.values()) if (record.expiresAt > now) live++;
    return live;
  }

  /**
   * The token's JWT. An API client's claims follow a live server's (reference README, "Facts
   * about live servers"): `sub` and `aud` the client id, `subject-type` `REGISTERED_CLIENT_ID`,
   * `nbf`; its `iss` is not recorded, so the mock leaves it out. A user token's claims (`aud`
   * `jamf-pro-mock`, `subject-type` `JSS_USER_ID`, `username`) are unverified.
   */
  #sign(record: IssuedToken): string {
    const { grant } = record;
    const iat = Math.floor(record.issuedAt / 1000);
    const exp = Math.floor(record.expiresAt / 1000);
    const claims: Record<string, unknown> =
      grant.kind === 'account'
        ? {
            aud: 'jamf-pro-mock',
            sub: grant.username,
            'token-uuid': record.id,
            'authentication-type': 'JSS',
            'subject-type': 'JSS_USER_ID',
            iat,
            exp,
            username: grant.username,
          }
        : {
            aud: grant.clientId,
            sub: grant.clientId,
            'token-uuid': record.id,
            'authentication-type': 'CLIENT_CREDENTIALS',
            'subject-type': 'REGISTERED_CLIENT_ID',
            scope: grant.roleIds.map((id) => `api-role:${id}`),
            nbf: iat,
            iat,
            exp,
          };
    const header = JWT_HEADER;
    const payload = encode(claims);
    const signature = createHmac('sha256', this.#signingKey)
      .update(`${header}.${payload}`)
      .digest('base64url');
    return `${header}.${payload}.${signature}`;
  }
}

const JWT_HEADER = encode({ alg: 'HS256', typ: 'JWT' });

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
