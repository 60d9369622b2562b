import { listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import type {
  AccountAccessLevel,
  AccountPrivilegeSet,
  MockAccount,
  MockAccountFields,
  MockAccountGroup,
} from '../../state/accounts.js';
import type { MockState } from '../../state/mock-state.js';
import { jsonResponse } from '../responses/json-response.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import {
  ACCOUNT_PRIVILEGE_NAMES,
  accountProblem,
  deleteAccount,
  privilegesOfSet,
  saveAccount,
} from '../user-accounts.js';
import { idParam, notFound, withQuery } from './pro-answers.js';

/** Pro's `privilegeLevel` for each privilege set. */
const PRIVILEGE_LEVELS: Readonly<Record<AccountPrivilegeSet, string>> = {
  Administrator: 'ADMINISTRATOR',
  Auditor: 'AUDITOR',
  'Enrollment Only': 'ENROLLMENT',
  Custom: 'CUSTOM',
};

/** Pro's `accessLevel` for each access level. */
const ACCESS_LEVELS: Readonly<Record<AccountAccessLevel, string>> = {
  'Full Access': 'FullAccess',
  'Site Access': 'SiteAccess',
  'Group Access': 'GroupBasedAccess',
};

/** The fields `filter` and `sort` take, as the spec's `GET /v1/accounts` lists them. */
const QUERY_FIELDS = [
  'id',
  'lastPasswordChange',
  'failedLoginAttempts',
  'username',
  'realname',
  'email',
  'phone',
  'ldapServerId',
  'distinguishedName',
  'siteId',
  'privilegeLevel',
  'changePasswordOnNextLogin',
  'accountStatus',
];

/**
 * An account in the spec's `UserAccount` shape. `plainPassword` is write-only and never given;
 * the mock keeps no directory service (`ldapServerId` -1, `accountType` DEFAULT) and counts no
 * failed logins.
 */
function userAccount(account: MockAccount) {
  return {
    id: String(account.id),
    username: account.username,
    realname: account.realName,
    email: account.email,
    phone: account.phone,
    ldapServerId: -1,
    distinguishedName: '',
    siteId: account.siteId,
    accessLevel: ACCESS_LEVELS[account.accessLevel],
    privilegeLevel: PRIVILEGE_LEVELS[account.privilegeSet],
    ...(account.passwordChangedAt === undefined
      ? {}
      : { lastPasswordChange: new Date(account.passwordChangedAt).toISOString() }),
    changePasswordOnNextLogin: account.mustChangePassword,
    failedLoginAttempts: 0,
    accountStatus: account.isEnabled ? 'Enabled' : 'Disabled',
    accountType: 'DEFAULT',
  };
}

/** The fields `filter` and `sort` take on `GET /v1/account-groups`, as the spec lists them. */
const GROUP_QUERY_FIELDS = ['id', 'name', 'siteId', 'ldapServerId'];

/** An account group in the spec's `AccountGroupV1` shape (ids as strings, as the schema has them). */
function accountGroup(group: MockAccountGroup, state: MockState) {
  return {
    id: String(group.id),
    name: group.name,
    accessLevel: ACCESS_LEVELS[group.accessLevel],
    privilegeLevel: PRIVILEGE_LEVELS[group.privilegeSet],
    siteId: String(group.siteId),
    ldapServerId: '-1',
    directoryGroupId: '',
    members: group.memberIds.flatMap((id) => {
      const member = state.accounts.byId(id);
      return member === undefined
        ? []
        : [
            {
              id: String(id),
              username: member.username,
              realname: member.realName,
              email: member.email,
            },
          ];
    }),
    privileges: [...(group.privileges === 'all' ? ACCOUNT_PRIVILEGE_NAMES : group.privileges)],
  };
}

/** The key of `labels` whose value is `wanted`, or undefined. */
function keyOf<K extends string>(
  labels: Readonly<Record<K, string>>,
  wanted: unknown,
): K | undefined {
  return (Object.keys(labels) as K[]).find((key) => labels[key] === wanted);
}

type Read = { fields: MockAccountFields; password: string | undefined } | { error: Response };

const invalid = (field: string, message: string): { error: Response } => ({
  error: jamfError(400, 'INVALID_FIELD', message, field),
});

/**
 * The fields a `UserAccount` body sets over `existing` (a create when undefined). The mock keeps
 * no directory service, so `ldapServerId`, `distinguishedName` and `accountType` are not kept
 * (answered -1, '' and DEFAULT), nor are the read-only fields. Fields left out
 * keep their values, or take the spec's defaults on a create (`privilegeLevel` ADMINISTRATOR,
 * `accessLevel` FullAccess, `accountStatus` Enabled, `siteId` -1). The schema has no privilege
 * list: a CUSTOM account keeps the privileges Classic granted it, and one made CUSTOM here
 * starts with none.
 */
function readFields(body: Record<string, unknown>, existing: MockAccount | undefined): Read {
  for (const key of ['username', 'realname', 'email', 'phone', 'plainPassword']) {
    if (body[key] !== undefined && typeof body[key] !== 'string')
      return invalid(key, `${key} must be a string`);
  }
  const privilegeSet =
    body.privilegeLevel === undefined ? undefined : keyOf(PRIVILEGE_LEVELS, body.privilegeLevel);
  if (body.privilegeLevel !== undefined && privilegeSet === undefined)
    return invalid(
      'privilegeLevel',
      'privilegeLevel must be ADMINISTRATOR, AUDITOR, ENROLLMENT or CUSTOM',
    );
  const accessLevel =
    body.accessLevel === undefined ? undefined : keyOf(ACCESS_LEVELS, body.accessLevel);
  if (body.accessLevel !== undefined && accessLevel === undefined)
    return invalid('accessLevel', 'accessLevel must be FullAccess, SiteAccess or GroupBasedAccess');
  if (
    body.accountStatus !== undefined &&
    !['Enabled', 'Disabled'].includes(body.accountStatus as string)
  )
    return invalid('accountStatus', 'accountStatus must be Enabled or Disabled');
  if (
    body.changePasswordOnNextLogin !== undefined &&
    typeof body.changePasswordOnNextLogin !== 'boolean'
  )
    return invalid('changePasswordOnNextLogin', 'changePasswordOnNextLogin must be true or false');
  if (body.siteId !== undefined && !Number.isSafeInteger(body.siteId))
    return invalid('siteId', 'siteId must be an integer');
  const set = privilegeSet ?? existing?.privilegeSet ?? 'Administrator';
  const kept =
    set === 'Custom' && existing?.privilegeSet === 'Custom' && existing.grantedPrivileges !== 'all'
      ? existing.grantedPrivileges
      : [];
  const text = (key: string) => body[key] as string | undefined;
  return {
    fields: {
      username: text('username') ?? existing?.username ?? '',
      realName: text('realname') ?? existing?.realName ?? '',
      email: text('email') ?? existing?.email ?? '',
      phone: text('phone') ?? existing?.phone ?? '',
      isEnabled:
        body.accountStatus === undefined
          ? (existing?.isEnabled ?? true)
          : body.accountStatus === 'Enabled',
      mustChangePassword:
        (body.changePasswordOnNextLogin as boolean | undefined) ??
        existing?.mustChangePassword ??
        false,
      accessLevel: accessLevel ?? existing?.accessLevel ?? 'Full Access',
      privilegeSet: set,
      siteId: (body.siteId as number | undefined) ?? existing?.siteId ?? -1,
      grantedPrivileges: privilegesOfSet(set, kept),
    },
    password: text('plainPassword'),
  };
}

function accountNotFound(ctx: RouteContext): Response {
  return notFound('User account', ctx.params.id);
}

async function writeAccount(ctx: RouteContext, existing: MockAccount | undefined) {
  const body = await readJsonObject(ctx.request);
  if ('error' in body) return body.error;
  const read = readFields(body.body, existing);
  if ('error' in read) return read.error;
  const problem = accountProblem(ctx.state, read.fields, existing?.id);
  if (problem !== undefined) {
    const message =
      problem.problem === 'duplicate'
        ? `username "${read.fields.username}" is already in use`
        : problem.problem === 'missing'
          ? 'username is required'
          : problem.message;
    return jamfError(
      400,
      problem.problem === 'duplicate' ? 'DUPLICATE_FIELD' : 'INVALID_FIELD',
      message,
      problem.field,
    );
  }
  const saved = saveAccount(ctx.state, ctx.clock.now(), existing?.id, read.fields, read.password);
  return jsonResponse(userAccount(saved), existing === undefined ? 201 : 200);
}

function existingAccount(ctx: RouteContext): MockAccount | undefined {
  const id = idParam(ctx);
  return id === undefined ? undefined : ctx.state.accounts.byId(id);
}

/**
 * Pro `/v1/account-groups` (read only in the 11.30.1 spec): the account groups Classic
 * `/accounts/groupid` writes, listed with paging, `sort` (default `name:asc`) and `filter`.
 */
function accountGroupRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/account-groups',
      handle: (ctx) =>
        withQuery(() =>
          jsonResponse(
            listQuery(
              ctx.state.accounts.listGroups().map((group) => accountGroup(group, ctx.state)),
              ctx.url,
              {
                filterFields: GROUP_QUERY_FIELDS,
                sortFields: GROUP_QUERY_FIELDS,
                defaultSort: ['name:asc'],
              },
            ),
          ),
        ),
    },
    {
      method: 'GET',
      path: '/v1/account-groups/{id}',
      handle: (ctx) => {
        const id = idParam(ctx);
        const group = id === undefined ? undefined : ctx.state.accounts.groupById(id);
        return group === undefined
          ? notFound('Account group', ctx.params.id)
          : jsonResponse(accountGroup(group, ctx.state));
      },
    },
  ];
}

/**
 * Pro `/v1/accounts` ("Jamf Pro user accounts", `UserAccount`), a view of the one account store
 * Classic `/JSSResource/accounts` and the `accounts` option share: list (paging, `sort` by
 * default `username:asc`, RSQL `filter` over the spec's fields), create (201), read, update,
 * delete (204). Accounts made here log in with their `plainPassword`; a `privilegeLevel` change
 * applies to the account's tokens at once. With them, `/v1/account-groups` (list, by id).
 */
export function userAccountRoutes(): Route[] {
  return [
    ...accountGroupRoutes(),
    {
      method: 'GET',
      path: '/v1/accounts',
      handle: (ctx) =>
        withQuery(() =>
          jsonResponse(
            listQuery(ctx.state.accounts.list().map(userAccount), ctx.url, {
              filterFields: QUERY_FIELDS,
              sortFields: QUERY_FIELDS,
              defaultSort: ['username:asc'],
            }),
          ),
        ),
    },
    { method: 'POST', path: '/v1/accounts', handle: (ctx) => writeAccount(ctx, undefined) },
    {
      method: 'GET',
      path: '/v1/accounts/{id}',
      handle: (ctx) => {
        const account = existingAccount(ctx);
        return account === undefined ? accountNotFound(ctx) : jsonResponse(userAccount(account));
      },
    },
    {
      method: 'PUT',
      path: '/v1/accounts/{id}',
      handle: (ctx) => {
        const account = existingAccount(ctx);
        return account === undefined ? accountNotFound(ctx) : writeAccount(ctx, account);
      },
    },
    {
      method: 'DELETE',
      path: '/v1/accounts/{id}',
      handle: (ctx) => {
        const account = existingAccount(ctx);
        if (account === undefined) return accountNotFound(ctx);
        deleteAccount(ctx.state, account.id);
        return new Response(null, { status: 204 });
      },
    },
  ];
}
