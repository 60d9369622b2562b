import { ApiClientCredentials } from './api-client-credentials.js';
import type { paths } from './generated/openapi.js';
import { leastPrivileges } from './least-privileges.js';
import type { ProClientFor, TypedOver } from './pro-client-for.js';
import { ProvisioningError, type ProvisioningStep } from './provisioning-error.js';
import type { OperationRef } from './required-privileges.js';
import { rsql } from './rsql-builder.js';
import { unwrap } from './unwrap.js';

/** The Jamf Pro API paths provisioning calls; any client covering them will do. */
type ProvisioningPaths = Pick<
  paths,
  | '/v1/api-roles'
  | '/v1/api-roles/{id}'
  | '/v1/api-integrations'
  | '/v1/api-integrations/{id}'
  | '/v1/api-integrations/{id}/client-credentials'
>;

/**
 * A client `provisionApiClient` can use: one of this package's clients whose paths include the
 * ones it calls (the whole API's, say, but not one area's).
 */
export interface ProvisioningClient extends TypedOver<ProvisioningPaths> {
  /** Called to find the role and the API client. */
  readonly GET: unknown;
}

/** What `provisionApiClient` should make sure exists. */
export interface ProvisionApiClientOptions {
  /** Display name of the API role; created, or updated to exactly these privileges. */
  roleName: string;
  /** Privileges to grant, by Jamf's names (e.g. `Read Computers`). */
  privileges?: readonly string[];
  /** Calls the client will make; their privileges are added through `leastPrivileges`. */
  operations?: Iterable<OperationRef>;
  /** Display name of the API client (integration); created, or updated to use the role. */
  clientName: string;
  /** Lifetime of the client's access tokens; Jamf's default applies when omitted. */
  tokenLifetimeSeconds?: number;
}

/** The provisioned role and client, with fresh credentials. */
export interface ProvisionedApiClient {
  roleId: string;
  integrationId: number;
  /** The privileges the role holds now, sorted. */
  privileges: string[];
  /** What changed on this run: a re-run with the same options reports `unchanged` for both. */
  role: 'created' | 'updated' | 'unchanged';
  integration: 'created' | 'updated' | 'unchanged';
  credentials: ApiClientCredentials;
}

/**
 * Ensures a least-privilege API role and an API client scoped to it, then generates the client's
 * credentials. Re-running with the same options changes nothing but the secret (Jamf shows a
 * secret only once, and a client's roles are captured when its secret is generated).
 *
 * @example
 * const { credentials } = await provisionApiClient(jamf, {
 *   roleName: 'Inventory reader',
 *   operations: ['GET /v1/computers-inventory'],
 *   clientName: 'Inventory sync',
 * });
 */
export async function provisionApiClient(
  jamf: ProvisioningClient,
  options: ProvisionApiClientOptions,
): Promise<ProvisionedApiClient> {
  // Typed over the paths it calls only; comparing whole client types would cost a consumer's tsc.
  const client = jamf as ProClientFor<ProvisioningPaths>;
  const privileges = await step('resolve-privileges', async () => {
    checkOptions(options);
    const wanted = new Set(options.privileges ?? []);
    if (options.operations) for (const p of leastPrivileges(options.operations)) wanted.add(p);
    if (wanted.size === 0)
      throw new Error('give privileges or operations: a role needs at least one privilege');
    return [...wanted].sort();
  });

  const existingRole = await step('find-role', async () => {
    const found = await unwrap(
      client.GET('/v1/api-roles', {
        params: {
          query: { filter: String(rsql.eq('displayName', options.roleName)), 'page-size': 2 },
        },
      }),
    );
    return found.results.find((role) => role.displayName === options.roleName);
  });
  const roleBody = { displayName: options.roleName, privileges };
  const { roleId, role } = await step('save-role', async () => {
    if (!existingRole) {
      const created = await unwrap(client.POST('/v1/api-roles', { body: roleBody }));
      return { roleId: created.id, role: 'created' as const };
    }
    if (sameSet(existingRole.privileges, privileges))
      return { roleId: existingRole.id, role: 'unchanged' as const };
    await unwrap(
      client.PUT('/v1/api-roles/{id}', {
        params: { path: { id: existingRole.id } },
        body: roleBody,
      }),
    );
    return { roleId: existingRole.id, role: 'updated' as const };
  });

  const existingIntegration = await step('find-integration', async () => {
    const found = await unwrap(
      client.GET('/v1/api-integrations', {
        params: {
          query: { filter: String(rsql.eq('displayName', options.clientName)), 'page-size': 2 },
        },
      }),
    );
    return found.results.find((integration) => integration.displayName === options.clientName);
  });
  const integrationBody = {
    displayName: options.clientName,
    authorizationScopes: [options.roleName],
    enabled: true,
    ...(options.tokenLifetimeSeconds === undefined
      ? {}
      : { accessTokenLifetimeSeconds: options.tokenLifetimeSeconds }),
  };
  const { integrationId, integration } = await step('save-integration', async () => {
    if (!existingIntegration) {
      const created = await unwrap(client.POST('/v1/api-integrations', { body: integrationBody }));
      return { integrationId: created.id, integration: 'created' as const };
    }
    const upToDate =
      existingIntegration.enabled &&
      sameSet(existingIntegration.authorizationScopes, integrationBody.authorizationScopes) &&
      (options.tokenLifetimeSeconds === undefined ||
        existingIntegration.accessTokenLifetimeSeconds === options.tokenLifetimeSeconds);
    if (upToDate)
      return { integrationId: existingIntegration.id, integration: 'unchanged' as const };
    await unwrap(
      client.PUT('/v1/api-integrations/{id}', {
        params: { path: { id: String(existingIntegration.id) } },
        body: integrationBody,
      }),
    );
    return { integrationId: existingIntegration.id, integration: 'updated' as const };
  });

  const credentials = await step('generate-credentials', async () => {
    const issued = await unwrap(
      client.POST('/v1/api-integrations/{id}/client-credentials', {
        params: { path: { id: String(integrationId) } },
      }),
    );
    return new ApiClientCredentials(issued.clientId, issued.clientSecret);
  });

  return { roleId, integrationId, privileges, role, integration, credentials };
}

/** Refuses options no role and client can be made from, naming the option. */
function checkOptions(options: unknown): asserts options is ProvisionApiClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new Error('give options: { roleName, clientName, privileges or operations }');
  }
  const { roleName, clientName, privileges, tokenLifetimeSeconds } = options as Record<
    string,
    unknown
  >;
  for (const [name, value] of [
    ['roleName', roleName],
    ['clientName', clientName],
  ] as const) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new Error(`${name} must be a name (a string that is not blank)`);
    }
  }
  if (
    privileges !== undefined &&
    !(Array.isArray(privileges) && privileges.every((p) => typeof p === 'string' && p !== ''))
  ) {
    // A bare string would be spread into its characters, each granted as a privilege.
    throw new Error("privileges must be a list of privilege names, e.g. ['Read Computers']");
  }
  if (
    tokenLifetimeSeconds !== undefined &&
    !(Number.isInteger(tokenLifetimeSeconds) && (tokenLifetimeSeconds as number) > 0)
  ) {
    throw new Error('tokenLifetimeSeconds must be a whole number of seconds above 0');
  }
}

async function step<T>(name: ProvisioningStep, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    throw new ProvisioningError(name, cause instanceof Error ? cause.message : String(cause), {
      cause,
    });
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((item) => left.has(item));
}
