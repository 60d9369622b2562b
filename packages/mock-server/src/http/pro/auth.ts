import type { AccountAccessLevel, AccountPrivilegeSet } from '../../state/accounts.js';
import type { Principal } from '../../state/principal.js';
import { credentialsOf } from '../authenticate.js';
import { jsonResponse } from '../responses/json-response.js';
import { proUnauthorized } from '../responses/unauthorized.js';
import type { Route, RouteContext } from '../route.js';

/** Settings the token endpoints need. */
export interface AuthRouteOptions {
  /** Lifetime of tokens issued to accounts. */
  tokenLifetimeSeconds: number;
  /** Every privilege name, which a full administrator holds. */
  privilegeNames: readonly string[];
}

type ExpiresFormat = 'iso' | 'epoch-ms';

/**
 * Jamf's user-token endpoints: `/v1/auth/*`, the deprecated `/auth*` ones (epoch-ms `expires`),
 * and the legacy `/uapi/auth/*` ones.
 */
export function authRoutes(options: AuthRouteOptions): Route[] {
  const issue = (format: ExpiresFormat) => (ctx: RouteContext) =>
    issueForBasic(ctx, options, format);
  const renew = (format: ExpiresFormat) => (ctx: RouteContext) => keepAlive(ctx, options, format);
  return [
    { method: 'POST', path: '/v1/auth/token', isPublic: true, handle: issue('iso') },
    { method: 'POST', path: '/v1/auth/keep-alive', handle: renew('iso') },
    { method: 'POST', path: '/v1/auth/invalidate-token', handle: invalidate },
    {
      method: 'GET',
      path: '/v1/auth',
      handle: (ctx) => jsonResponse(authorizationV1(ctx, options.privilegeNames)),
    },
    {
      method: 'GET',
      path: '/auth',
      handle: (ctx) => jsonResponse(authorizationLegacy(ctx, options.privilegeNames)),
    },
    {
      method: 'POST',
      path: '/auth/current',
      handle: (ctx) => jsonResponse(currentAuthorization(ctx, options.privilegeNames)),
    },
    { method: 'POST', path: '/auth/keepAlive', handle: renew('epoch-ms') },
    { method: 'POST', path: '/auth/invalidateToken', handle: invalidate },
    { method: 'POST', path: '/uapi/auth/tokens', isPublic: true, handle: issue('epoch-ms') },
    { method: 'POST', path: '/uapi/auth/keepAlive', handle: renew('epoch-ms') },
    { method: 'POST', path: '/uapi/auth/invalidateToken', handle: invalidate },
    {
      method: 'GET',
      path: '/uapi/auth',
      handle: (ctx) => jsonResponse(authorizationLegacy(ctx, options.privilegeNames)),
    },
    {
      method: 'POST',
      path: '/uapi/auth/current',
      handle: (ctx) => jsonResponse(currentAuthorization(ctx, options.privilegeNames)),
    },
  ];
}

function tokenBody(token: string, expiresAt: number, format: ExpiresFormat) {
  return { token, expires: format === 'iso' ? new Date(expiresAt).toISOString() : expiresAt };
}

function issueForBasic(
  ctx: RouteContext,
  options: AuthRouteOptions,
  format: ExpiresFormat,
): Response {
  const credentials = credentialsOf(ctx.headers);
  const account =
    credentials?.scheme === 'basic'
      ? ctx.state.accounts.verify(credentials.username, credentials.password)
      : undefined;
  if (!account) return proUnauthorized({ 'www-authenticate': 'Basic realm="Jamf Pro"' });
  const { token, record } = ctx.state.tokens.issue(
    { kind: 'account', username: account.username },
    options.tokenLifetimeSeconds,
  );
  return jsonResponse(tokenBody(token, record.expiresAt, format));
}

/**
 * Renews a user's token. An API client's token cannot be kept alive: the client asks the OAuth
 * endpoint for a new one (client credentials have no session to extend), so it gets the same
 * 401 a bad token gets, and the token it sent stays valid.
 */
function keepAlive(ctx: RouteContext, options: AuthRouteOptions, format: ExpiresFormat): Response {
  const credentials = credentialsOf(ctx.headers);
  if (credentials?.scheme !== 'bearer') return proUnauthorized();
  const record = ctx.state.tokens.find(credentials.token);
  if (record?.grant.kind !== 'account') return proUnauthorized();
  ctx.state.tokens.revoke(credentials.token);
  const { token, record: renewed } = ctx.state.tokens.issue(
    record.grant,
    options.tokenLifetimeSeconds,
  );
  return jsonResponse(tokenBody(token, renewed.expiresAt, format));
}

function invalidate(ctx: RouteContext): Response {
  const credentials = credentialsOf(ctx.headers);
  if (credentials?.scheme === 'bearer') ctx.state.tokens.revoke(credentials.token);
  return new Response(null, { status: 204 });
}

function privilegeList(
  principal: Principal | undefined,
  allPrivileges: readonly string[],
): string[] {
  const held = principal?.privileges();
  if (held === undefined) return [];
  return held === 'all' ? [...allPrivileges] : [...held].sort();
}

interface AccountFacts {
  id: number;
  username: string;
  realName: string;
  email: string;
  accessLevel: string;
  privilegeSet: string;
  isAdministrator: boolean;
  privileges: string[];
  groupIds: number[];
  groups: Record<string, unknown>[];
  authenticationType: 'JSS' | 'CLIENT_CREDENTIALS';
}

/** Pro's spelling of an access level and a privilege set (`AuthAccountV1`'s enums). */
const ACCESS_LEVELS: Readonly<Record<AccountAccessLevel, string>> = {
  'Full Access': 'FullAccess',
  'Site Access': 'SiteAccess',
  'Group Access': 'GroupBasedAccess',
};
const PRIVILEGE_SETS: Readonly<Record<AccountPrivilegeSet, string>> = {
  Administrator: 'ADMINISTRATOR',
  Auditor: 'AUDITOR',
  'Enrollment Only': 'ENROLLMENT',
  Custom: 'CUSTOM',
};

/**
 * The caller as the auth endpoints describe it: a user account's stored name, email, access
 * level, privilege set and groups (as the accounts APIs wrote them), or an API client's id.
 */
function accountFacts(ctx: RouteContext, allPrivileges: readonly string[]): AccountFacts {
  const principal = ctx.principal;
  const username = principal?.name ?? '';
  const isAdministrator = principal?.privileges() === 'all';
  const account = principal?.kind === 'api-client' ? undefined : ctx.state.accounts.get(username);
  const groups = account === undefined ? [] : ctx.state.accounts.groupsOf(account.id);
  return {
    id: account?.id ?? (Number(principal?.id ?? 0) || 1),
    username,
    realName: account?.realName || username,
    email: account?.email ?? '',
    accessLevel: account === undefined ? 'FullAccess' : ACCESS_LEVELS[account.accessLevel],
    privilegeSet:
      account === undefined
        ? isAdministrator
          ? 'ADMINISTRATOR'
          : 'CUSTOM'
        : PRIVILEGE_SETS[account.privilegeSet],
    isAdministrator,
    privileges: privilegeList(principal, allPrivileges),
    groupIds: groups.map((group) => group.id),
    groups: groups.map((group) => ({
      accessLevel: ACCESS_LEVELS[group.accessLevel],
      privilegeSet: PRIVILEGE_SETS[group.privilegeSet],
      siteId: group.siteId,
      privileges: group.privileges === 'all' ? [...allPrivileges] : [...group.privileges],
      memberUserIds: [...group.memberIds],
    })),
    authenticationType: principal?.kind === 'api-client' ? 'CLIENT_CREDENTIALS' : 'JSS',
  };
}

/** Where Jamf's three account shapes differ: id type, the multi-site flag's name, privileges. */
interface AccountDialect {
  id: number | string;
  multiSiteAdminKey: 'multiSiteAdmin' | 'isMultiSiteAdmin';
  privileges: { privilegesBySite: Record<string, string[]> } | { privileges: string[] };
  currentSiteId: number | string;
}

/** The caller's `account` object, fields in Jamf's order, in the given dialect. */
function accountOf(facts: AccountFacts, dialect: AccountDialect) {
  return {
    id: dialect.id,
    username: facts.username,
    realName: facts.realName,
    email: facts.email,
    [dialect.multiSiteAdminKey]: false,
    accessLevel: facts.accessLevel,
    privilegeSet: facts.privilegeSet,
    ...dialect.privileges,
    groupIds: facts.groupIds,
    currentSiteId: dialect.currentSiteId,
  };
}

/** `GET /v1/auth`: the caller's account, shaped like the spec's AuthorizationV1. */
function authorizationV1(ctx: RouteContext, allPrivileges: readonly string[]) {
  const facts = accountFacts(ctx, allPrivileges);
  return {
    account: accountOf(facts, {
      id: String(facts.id),
      multiSiteAdminKey: 'multiSiteAdmin',
      privileges: { privilegesBySite: { '-1': facts.privileges } },
      currentSiteId: '-1',
    }),
    accountGroups: facts.groups,
    sites: [],
    authenticationType: facts.authenticationType,
  };
}

/** The deprecated `GET /auth`: the spec's Authorization (integer ids). */
function authorizationLegacy(ctx: RouteContext, allPrivileges: readonly string[]) {
  const facts = accountFacts(ctx, allPrivileges);
  return {
    account: accountOf(facts, {
      id: facts.id,
      multiSiteAdminKey: 'isMultiSiteAdmin',
      privileges: { privilegesBySite: { '-1': facts.privileges } },
      currentSiteId: -1,
    }),
    accountGroups: [],
    sites: [],
    authenticationType: facts.authenticationType,
  };
}

/** The deprecated `POST /auth/current`: the spec's CurrentAuthorization. */
function currentAuthorization(ctx: RouteContext, allPrivileges: readonly string[]) {
  const facts = accountFacts(ctx, allPrivileges);
  return {
    account: accountOf(facts, {
      id: facts.id,
      multiSiteAdminKey: 'isMultiSiteAdmin',
      privileges: { privileges: facts.privileges },
      currentSiteId: -1,
    }),
    sites: [],
    authenticationType: facts.authenticationType,
  };
}
