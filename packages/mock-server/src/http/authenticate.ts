import type { IssuedToken } from '../state/issued-tokens.js';
import type { MockState } from '../state/mock-state.js';
import type { Principal } from '../state/principal.js';
import type { HeaderReader } from './incoming-request.js';

/** The credentials an `Authorization` header carries, undefined when it has none we read. */
export type Credentials =
  | { scheme: 'bearer'; token: string }
  | { scheme: 'basic'; username: string; password: string };

/** Reads `Bearer`, the legacy `jamf-token` scheme, or `Basic` from a request's `Authorization`. */
export function credentialsOf(headers: HeaderReader): Credentials | undefined {
  const header = headers.get('authorization')?.trim();
  if (!header) return undefined;
  const space = header.indexOf(' ');
  if (space < 0) return undefined;
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (value === '') return undefined;
  if (scheme === 'bearer' || scheme === 'jamf-token') return { scheme: 'bearer', token: value };
  if (scheme !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { scheme: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Who a request is from: a live Bearer token's holder, or (with `allowBasic`, as Classic did on
 * servers before 11.5 where it was left on) an account whose Basic credentials are right.
 * Undefined means 401.
 */
export function authenticate(
  headers: HeaderReader,
  state: MockState,
  options: { allowBasic?: boolean } = {},
): Principal | undefined {
  const credentials = credentialsOf(headers);
  if (!credentials) return undefined;
  if (credentials.scheme === 'basic') {
    if (!options.allowBasic) return undefined;
    const account = state.accounts.verify(credentials.username, credentials.password);
    return account && accountPrincipal(state, account.username, undefined);
  }
  const record = state.tokens.find(credentials.token);
  return record && principalOfToken(state, record);
}

/** The principal a live token stands for, or undefined when its holder is gone or disabled. */
export function principalOfToken(state: MockState, record: IssuedToken): Principal | undefined {
  const { grant } = record;
  if (grant.kind === 'account') return accountPrincipal(state, grant.username, record.id);
  const integration = state.apiIntegrations.get(grant.integrationId);
  if (!integration?.enabled) return undefined;
  return {
    kind: 'api-client',
    id: String(integration.id),
    name: integration.clientId,
    tokenId: record.id,
    privileges: () =>
      new Set(grant.roleIds.flatMap((roleId) => state.apiRoles.get(roleId)?.privileges ?? [])),
  };
}

function accountPrincipal(
  state: MockState,
  username: string,
  tokenId: string | undefined,
): Principal | undefined {
  if (!state.accounts.get(username)) return undefined;
  return {
    kind: 'account',
    id: String(state.accounts.get(username)?.id),
    name: username,
    tokenId,
    privileges: () => {
      const privileges = state.accounts.get(username)?.privileges ?? [];
      return privileges === 'all' ? 'all' : new Set(privileges);
    },
  };
}
