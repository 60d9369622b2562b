import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiRoleStore } from './api-roles.js';

/** An API integration (API client) as Jamf serialises it. */
export interface ApiIntegration {
  id: number;
  displayName: string;
  enabled: boolean;
  accessTokenLifetimeSeconds: number;
  /** Display names of the API roles the client is granted. */
  authorizationScopes: string[];
  clientId: string;
  appType: 'CLIENT_CREDENTIALS' | 'NATIVE_APP_OAUTH' | 'NONE';
}

/** What creating or replacing an integration takes; roles by id. */
export interface ApiIntegrationInput {
  displayName: string;
  enabled: boolean;
  accessTokenLifetimeSeconds: number;
  roleIds: readonly string[];
}

/** An integration whose client secret was accepted, with the roles captured with that secret. */
export interface VerifiedClient {
  integration: ApiIntegration;
  /** Role ids captured when the secret was generated; rotating the secret re-captures them. */
  roleIds: readonly string[];
}

interface StoredIntegration extends Omit<ApiIntegrationInput, 'roleIds'> {
  id: number;
  clientId: string;
  roleIds: string[];
}

interface Credential {
  secret: string;
  roleIds: readonly string[];
}

/** The default `accessTokenLifetimeSeconds` of a new integration. */
export const DEFAULT_CLIENT_TOKEN_LIFETIME_SECONDS = 1800;

/**
 * API integrations and their client secrets. Secrets live in a private field, never in what
 * `list`/`get` return, so neither `inspect` nor `JSON.stringify` of the state shows them.
 */
export class ApiIntegrationStore {
  readonly #integrations = new Map<number, StoredIntegration>();
  readonly #credentials = new Map<number, Credential>();
  readonly #roles: ApiRoleStore;
  #nextId = 1;

  constructor(roles: ApiRoleStore) {
    this.#roles = roles;
  }

  list(): ApiIntegration[] {
    return [...this.#integrations.values()].map((stored) => this.#view(stored));
  }

  get(id: number): ApiIntegration | undefined {
    const stored = this.#integrations.get(id);
    return stored && this.#view(stored);
  }

  create(input: ApiIntegrationInput): ApiIntegration {
    const stored: StoredIntegration = {
      ...input,
      roleIds: [...input.roleIds],
      id: this.#nextId++,
      clientId: randomUUID(),
    };
    this.#integrations.set(stored.id, stored);
    return this.#view(stored);
  }

  update(id: number, input: ApiIntegrationInput): ApiIntegration | undefined {
    const existing = this.#integrations.get(id);
    if (!existing) return undefined;
    const stored: StoredIntegration = {
      ...input,
      roleIds: [...input.roleIds],
      id,
      clientId: existing.clientId,
    };
    this.#integrations.set(id, stored);
    return this.#view(stored);
  }

  delete(id: number): boolean {
    this.#credentials.delete(id);
    return this.#integrations.delete(id);
  }

  /** True when some integration is granted the role `roleId`. */
  usesRole(roleId: string): boolean {
    for (const stored of this.#integrations.values())
      if (stored.roleIds.includes(roleId)) return true;
    for (const credential of this.#credentials.values())
      if (credential.roleIds.includes(roleId)) return true;
    return false;
  }

  /** Generates a new client secret (the old one stops working) and captures the current roles. */
  rotateSecret(id: number): { clientId: string; clientSecret: string } | undefined {
    const stored = this.#integrations.get(id);
    if (!stored) return undefined;
    const secret = randomBytes(48).toString('base64url');
    this.#credentials.set(id, { secret, roleIds: [...stored.roleIds] });
    return { clientId: stored.clientId, clientSecret: secret };
  }

  /** The integration and its captured roles when `clientSecret` is its current secret. */
  verify(clientId: string, clientSecret: string): VerifiedClient | undefined {
    for (const stored of this.#integrations.values()) {
      if (stored.clientId !== clientId) continue;
      const credential = this.#credentials.get(stored.id);
      if (!credential || credential.secret !== clientSecret) return undefined;
      return { integration: this.#view(stored), roleIds: credential.roleIds };
    }
    return undefined;
  }

  #view(stored: StoredIntegration): ApiIntegration {
    return {
      id: stored.id,
      displayName: stored.displayName,
      enabled: stored.enabled,
      accessTokenLifetimeSeconds: stored.accessTokenLifetimeSeconds,
      authorizationScopes: stored.roleIds.flatMap((roleId) => {
        const role = this.#roles.get(roleId);
        return role ? [role.displayName] : [];
      }),
      clientId: stored.clientId,
      appType: this.#credentials.has(stored.id) ? 'CLIENT_CREDENTIALS' : 'NONE',
    };
  }
}
