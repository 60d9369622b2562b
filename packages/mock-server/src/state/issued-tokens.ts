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

/**
 * Bearer tokens issued by the mock. Tokens are JWT-shaped (`header.payload.signature`, base64url)
 * with claims like Jamf's, and expire on the mock's clock. Token strings stay in a private field.
 */
export class IssuedTokens {
  readonly #byToken = new Map<string, IssuedToken>();
  readonly #signingKey = randomBytes(32);
  readonly #clock: MockClock;

  constructor(clock: MockClock) {
    this.#clock = clock;
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
    this.#byToken.set(token, record);
    return { token, record };
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
  }

  /** Revokes every token issued to the API integration `integrationId`. */
  revokeClient(integrationId: number): void {
    for (const [token, record] of this.#byToken) {
      if (record.grant.kind === 'api-client' && record.grant.integrationId === integrationId)
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

  #sign(record: IssuedToken): string {
    const { grant } = record;
    const claims: Record<string, unknown> = {
      aud: 'jamf-pro-mock',
      sub: grant.kind === 'account' ? grant.username : grant.clientId,
      'token-uuid': record.id,
      'authentication-type': grant.kind === 'account' ? 'JSS' : 'CLIENT_CREDENTIALS',
      'subject-type': grant.kind === 'account' ? 'JSS_USER_ID' : 'API_CLIENT',
      iat: Math.floor(record.issuedAt / 1000),
      exp: Math.floor(record.expiresAt / 1000),
    };
    if (grant.kind === 'account') claims.username = grant.username;
    else claims.scope = grant.roleIds.map((id) => `api-role:${id}`);
    const header = encode({ alg: 'HS256', typ: 'JWT' });
    const payload = encode(claims);
    const signature = createHmac('sha256', this.#signingKey)
      .update(`${header}.${payload}`)
      .digest('base64url');
    return `${header}.${payload}.${signature}`;
  }
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
