import { classicXmlShapes } from '../../generated/classic-resources.js';
import type {
  AccountAccessLevel,
  AccountPrivilegeSet,
  MockAccount,
  MockAccountFields,
  MockAccountGroup,
  MockAccountGroupFields,
} from '../../state/accounts.js';
import type { MockState } from '../../state/mock-state.js';
import { sitesOf } from '../../state/sites.js';
import type { Route, RouteContext } from '../route.js';
import {
  ACCOUNT_PRIVILEGE_NAMES,
  accountGroupProblem,
  accountProblem,
  deleteAccount,
  privilegesOfSet,
  saveAccount,
  unknownPrivilegeOf,
} from '../user-accounts.js';
import { classicError } from './classic-error.js';
import { classicIdResponse, classicResponse, readClassicXml } from './classic-format.js';
import { proText } from './classic-pro-values.js';
import { classicNotFound, guarded, xmlObject, xmlText } from './classic-resource.js';

const ACCOUNTS = { privilegeObjects: ['Accounts'] };
const PRIVILEGE_SETS: readonly AccountPrivilegeSet[] = [
  'Administrator',
  'Auditor',
  'Enrollment Only',
  'Custom',
];
const ACCESS_LEVELS: readonly AccountAccessLevel[] = ['Full Access', 'Site Access', 'Group Access'];
/** The sections of a Classic `privileges` element, in Jamf's order. */
const SECTIONS = [
  'jss_objects',
  'jss_settings',
  'jss_actions',
  'recon',
  'casper_admin',
  'casper_remote',
  'casper_imaging',
] as const;
const CRUD = new Set(['Create', 'Read', 'Update', 'Delete']);
/** Objects the catalogue can create or delete (`Computers`): their CRUD names are jss_objects. */
const CREATABLE = new Set(
  ACCOUNT_PRIVILEGE_NAMES.filter((name) => /^(Create|Delete) /.test(name)).map((name) =>
    name.slice(name.indexOf(' ') + 1),
  ),
);

/**
 * A privilege's Classic section. Jamf's catalogue does not record it, so the mock files a
 * Create/Read/Update/Delete name under `jss_objects` when its object can be created or deleted,
 * under `jss_settings` when it can only be read or updated (`Read Activation Code`), and any
 * other verb (`Send Computer Remote Lock Command`) under `jss_actions` (the mock's rule).
 * The catalogue has no recon or Casper names, so those sections stay empty.
 */
function sectionOf(name: string): (typeof SECTIONS)[number] {
  const space = name.indexOf(' ');
  if (!CRUD.has(name.slice(0, space))) return 'jss_actions';
  return CREATABLE.has(name.slice(space + 1)) ? 'jss_objects' : 'jss_settings';
}

function classicPrivileges(privileges: MockAccount['privileges']) {
  const sections: Record<(typeof SECTIONS)[number], string[]> = {
    jss_objects: [],
    jss_settings: [],
    jss_actions: [],
    recon: [],
    casper_admin: [],
    casper_remote: [],
    casper_imaging: [],
  };
  const names = privileges === 'all' ? ACCOUNT_PRIVILEGE_NAMES : privileges;
  for (const name of names) sections[sectionOf(name)].push(name);
  return sections;
}

function siteOf(siteId: number, state: MockState): { id: number; name: string } {
  const site = siteId > 0 ? sitesOf(state).get(String(siteId)) : undefined;
  return site === undefined ? { id: -1, name: 'None' } : { id: siteId, name: proText(site.name) };
}

/** A group in a user's record: the privileges the user holds through it. */
function groupOfUser(group: MockAccountGroup, state: MockState) {
  return {
    id: group.id,
    name: group.name,
    site: siteOf(group.siteId, state),
    privileges: classicPrivileges(group.privileges),
  };
}

/**
 * A user account in the element names of Jamf's Classic `account` schema: its own privileges,
 * and under `groups` those its groups give it. The password is write-only, and
 * `password_sha256`, which live servers may carry, is never given.
 */
function accountDetail(account: MockAccount, state: MockState) {
  return {
    id: account.id,
    name: account.username,
    directory_user: false,
    full_name: account.realName,
    email: account.email,
    email_address: account.email,
    enabled: account.isEnabled ? 'Enabled' : 'Disabled',
    force_password_change: account.mustChangePassword,
    access_level: account.accessLevel,
    privilege_set: account.privilegeSet,
    site: siteOf(account.siteId, state),
    privileges: classicPrivileges(account.grantedPrivileges),
    groups: state.accounts.groupsOf(account.id).map((group) => groupOfUser(group, state)),
  };
}

/** An account group in the element names of Jamf's Classic `group` schema. */
function groupDetail(group: MockAccountGroup, state: MockState) {
  return {
    id: group.id,
    name: group.name,
    access_level: group.accessLevel,
    privilege_set: group.privilegeSet,
    site: siteOf(group.siteId, state),
    privileges: classicPrivileges(group.privileges),
    members: group.memberIds.map((id) => ({
      id,
      name: state.accounts.byId(id)?.username ?? '',
    })),
  };
}

/** `wanted` among `allowed` in any case, or undefined. */
function oneOf<T extends string>(allowed: readonly T[], wanted: string): T | undefined {
  const lower = wanted.trim().toLowerCase();
  return allowed.find((value) => value.toLowerCase() === lower);
}

/** The privilege names of a written `<privileges>` element, every section together. */
function writtenPrivileges(element: Record<string, unknown>): string[] {
  return SECTIONS.flatMap((section) => {
    const listed = xmlObject(element, section).privilege;
    const items = Array.isArray(listed) ? listed : listed === undefined ? [] : [listed];
    return items.filter((item): item is string => typeof item === 'string' && item !== '');
  });
}

/** What an `<account>` and a `<group>` element both carry: access, privileges and site. */
interface AccessFields {
  accessLevel: AccountAccessLevel;
  privilegeSet: AccountPrivilegeSet;
  siteId: number;
  privileges: 'all' | readonly string[];
}

/**
 * The access, privilege set, privileges and site `value` sets over `existing`, or the 409
 * message. Left out, each keeps its value (a new object: Full Access, Custom, no site); a
 * Custom object's `privileges` element replaces its list.
 */
function accessFieldsOf(
  value: Record<string, unknown>,
  existing: AccessFields | undefined,
  state: MockState,
): AccessFields | string {
  const accessText = xmlText(value, 'access_level');
  const accessLevel = accessText === undefined ? undefined : oneOf(ACCESS_LEVELS, accessText);
  if (accessText !== undefined && accessLevel === undefined)
    return `access_level must be one of ${ACCESS_LEVELS.join(', ')}`;
  const setText = xmlText(value, 'privilege_set');
  const privilegeSet = setText === undefined ? undefined : oneOf(PRIVILEGE_SETS, setText);
  if (setText !== undefined && privilegeSet === undefined)
    return `privilege_set must be one of ${PRIVILEGE_SETS.join(', ')}`;
  const written = 'privileges' in value ? writtenPrivileges(xmlObject(value, 'privileges')) : [];
  const unknown = unknownPrivilegeOf(written);
  if (unknown !== undefined) return `Unknown privilege: ${unknown}`;
  const site = siteIdOf(xmlObject(value, 'site'), state);
  if (typeof site === 'string') return site;
  const set = privilegeSet ?? existing?.privilegeSet ?? 'Custom';
  const kept =
    existing?.privilegeSet === 'Custom' && existing.privileges !== 'all' ? existing.privileges : [];
  return {
    accessLevel: accessLevel ?? existing?.accessLevel ?? 'Full Access',
    privilegeSet: set,
    siteId: site ?? existing?.siteId ?? -1,
    privileges: privilegesOfSet(set, 'privileges' in value ? written : kept),
  };
}

/**
 * The fields an `<account>` element sets over `existing` (a create when undefined), or the 409
 * message. Elements left out keep their values, as Classic PUTs do; a new account without a
 * `privilege_set` is Custom (unverified: the least privilege, not Jamf's documented default).
 */
function fieldsOf(
  value: Record<string, unknown>,
  existing: MockAccount | undefined,
  state: MockState,
): MockAccountFields | string {
  const text = (key: string) => xmlText(value, key);
  const enabledText = text('enabled');
  const enabled =
    enabledText === undefined ? undefined : oneOf(['Enabled', 'Disabled'], enabledText);
  if (enabledText !== undefined && enabled === undefined)
    return 'enabled must be Enabled or Disabled';
  const access = accessFieldsOf(
    value,
    existing && { ...existing, privileges: existing.grantedPrivileges },
    state,
  );
  if (typeof access === 'string') return access;
  const force = text('force_password_change');
  return {
    username: text('name') ?? existing?.username ?? '',
    realName: text('full_name') ?? existing?.realName ?? '',
    email: text('email_address') ?? text('email') ?? existing?.email ?? '',
    phone: existing?.phone ?? '',
    isEnabled: enabled === undefined ? (existing?.isEnabled ?? true) : enabled === 'Enabled',
    mustChangePassword:
      force === undefined ? (existing?.mustChangePassword ?? false) : force === 'true',
    accessLevel: access.accessLevel,
    privilegeSet: access.privilegeSet,
    siteId: access.siteId,
    grantedPrivileges: access.privileges,
  };
}

/**
 * The fields a `<group>` element sets over `existing`, or the 409 message. `<members>` lists
 * `<user>`s by `id` (or `name`) and replaces the members when given; an unknown user is refused.
 */
function groupFieldsOf(
  value: Record<string, unknown>,
  existing: MockAccountGroup | undefined,
  state: MockState,
): MockAccountGroupFields | string {
  const access = accessFieldsOf(value, existing, state);
  if (typeof access === 'string') return access;
  let memberIds = existing?.memberIds ?? [];
  if ('members' in value) {
    const listed = xmlObject(value, 'members').user;
    const users = Array.isArray(listed) ? listed : listed === undefined ? [] : [listed];
    const ids: number[] = [];
    for (const user of users) {
      const id = xmlText(user, 'id');
      const name = xmlText(user, 'name');
      const account =
        id !== undefined && /^\d{1,9}$/.test(id)
          ? state.accounts.byId(Number(id))
          : state.accounts.findByName(name ?? '');
      if (account === undefined) return `No account ${id ?? name ?? ''} to add to the group`;
      ids.push(account.id);
    }
    memberIds = ids;
  }
  return { name: xmlText(value, 'name') ?? existing?.name ?? '', ...access, memberIds };
}

/** The site id a `<site>` element names (by id, else by name), undefined when it names none. */
function siteIdOf(site: Record<string, unknown>, state: MockState): number | undefined | string {
  const id = xmlText(site, 'id');
  const name = xmlText(site, 'name');
  if (id !== undefined && /^-?\d+$/.test(id)) return Number(id) > 0 ? Number(id) : -1;
  if (name === undefined || name === '' || name.toLowerCase() === 'none') return undefined;
  const found = sitesOf(state)
    .list()
    .find((row) => proText(row.name).toLowerCase() === name.toLowerCase());
  return found === undefined ? `No site is named ${name}` : Number(found.id);
}

/** The whole number a `{key}` names, or undefined. */
function idOf(ctx: RouteContext): number | undefined {
  const id = ctx.params.key ?? '';
  return /^\d{1,9}$/.test(id) ? Number(id) : undefined;
}

function userById(ctx: RouteContext): MockAccount | undefined {
  const id = idOf(ctx);
  return id === undefined ? undefined : ctx.state.accounts.byId(id);
}

function userByName(ctx: RouteContext): MockAccount | undefined {
  return ctx.state.accounts.findByName(ctx.params.key ?? '');
}

function groupById(ctx: RouteContext): MockAccountGroup | undefined {
  const id = idOf(ctx);
  return id === undefined ? undefined : ctx.state.accounts.groupById(id);
}

function groupByName(ctx: RouteContext): MockAccountGroup | undefined {
  return ctx.state.accounts.findGroupByName(ctx.params.key ?? '');
}

/** Creates (`existing` undefined) or updates an account from a Classic `<account>` body. */
async function writeAccount(ctx: RouteContext, existing: MockAccount | undefined) {
  const read = await readClassicXml(ctx.request, 'account', ctx.maxBodyBytes);
  if ('error' in read) return read.error;
  const fields = fieldsOf(read.value, existing, ctx.state);
  if (typeof fields === 'string') return classicError(409, fields);
  const problem = accountProblem(ctx.state, fields, existing?.id);
  if (problem !== undefined) return classicError(409, problem.message);
  const password = xmlText(read.value, 'password');
  const saved = saveAccount(ctx.state, ctx.clock.now(), existing?.id, fields, password);
  return classicIdResponse('account', saved.id, 201);
}

/** Creates (`existing` undefined) or updates an account group from a Classic `<group>` body. */
async function writeGroup(ctx: RouteContext, existing: MockAccountGroup | undefined) {
  const read = await readClassicXml(ctx.request, 'group', ctx.maxBodyBytes);
  if ('error' in read) return read.error;
  const fields = groupFieldsOf(read.value, existing, ctx.state);
  if (typeof fields === 'string') return classicError(409, fields);
  const problem = accountGroupProblem(ctx.state, fields, existing?.id);
  if (problem !== undefined) return classicError(409, problem.message);
  const saved =
    existing === undefined
      ? ctx.state.accounts.createGroup(fields)
      : (ctx.state.accounts.updateGroup(existing.id, fields) as MockAccountGroup);
  return classicIdResponse('group', saved.id, 201);
}

/**
 * Classic `accounts`, a view of the one account store Pro `/v1/accounts`, `/v1/account-groups`
 * and the mock's `accounts` option share: `GET /accounts` lists users and groups; `userid/{id}`
 * and `groupid/{id}` read, create (`…/0`, XML), update and delete one user or group;
 * `username/{name}` and `groupname/{name}` read one (the methods Jamf's Classic document lists).
 * Privilege names must be known (409 otherwise); the privilege set, and the groups a user is a
 * member of, decide what its tokens hold, at once. Needs `… Accounts` privileges.
 */
export function classicAccountRoutes(): Route[] {
  const read = <T>(
    find: (ctx: RouteContext) => T | undefined,
    root: string,
    detail: (row: T, state: MockState) => unknown,
  ) =>
    guarded(ACCOUNTS, 'GET', (ctx) => {
      const row = find(ctx);
      if (row === undefined) return classicNotFound();
      return classicResponse(
        ctx.request,
        root,
        detail(row, ctx.state),
        200,
        classicXmlShapes[root],
      );
    });
  const byUserId = '/JSSResource/accounts/userid/{key}';
  const byGroupId = '/JSSResource/accounts/groupid/{key}';
  return [
    {
      method: 'GET',
      path: '/JSSResource/accounts',
      handle: guarded(ACCOUNTS, 'GET', (ctx) =>
        classicResponse(ctx.request, 'accounts', {
          users: ctx.state.accounts
            .list()
            .map((account) => ({ id: account.id, name: account.username })),
          groups: ctx.state.accounts
            .listGroups()
            .map((group) => ({ id: group.id, name: group.name })),
        }),
      ),
    },
    { method: 'GET', path: byUserId, handle: read(userById, 'account', accountDetail) },
    {
      method: 'POST',
      path: byUserId,
      handle: guarded(ACCOUNTS, 'POST', (ctx) => writeAccount(ctx, undefined)),
    },
    {
      method: 'PUT',
      path: byUserId,
      handle: guarded(ACCOUNTS, 'PUT', (ctx) => {
        const account = userById(ctx);
        return account === undefined ? classicNotFound() : writeAccount(ctx, account);
      }),
    },
    {
      method: 'DELETE',
      path: byUserId,
      handle: guarded(ACCOUNTS, 'DELETE', (ctx) => {
        const account = userById(ctx);
        if (account === undefined) return classicNotFound();
        deleteAccount(ctx.state, account.id);
        return classicIdResponse('account', account.id, 200);
      }),
    },
    {
      method: 'GET',
      path: '/JSSResource/accounts/username/{key}',
      handle: read(userByName, 'account', accountDetail),
    },
    { method: 'GET', path: byGroupId, handle: read(groupById, 'group', groupDetail) },
    {
      method: 'POST',
      path: byGroupId,
      handle: guarded(ACCOUNTS, 'POST', (ctx) => writeGroup(ctx, undefined)),
    },
    {
      method: 'PUT',
      path: byGroupId,
      handle: guarded(ACCOUNTS, 'PUT', (ctx) => {
        const group = groupById(ctx);
        return group === undefined ? classicNotFound() : writeGroup(ctx, group);
      }),
    },
    {
      method: 'DELETE',
      path: byGroupId,
      handle: guarded(ACCOUNTS, 'DELETE', (ctx) => {
        const group = groupById(ctx);
        if (group === undefined) return classicNotFound();
        ctx.state.accounts.deleteGroup(group.id);
        return classicIdResponse('group', group.id, 200);
      }),
    },
    {
      method: 'GET',
      path: '/JSSResource/accounts/groupname/{key}',
      handle: read(groupByName, 'group', groupDetail),
    },
  ];
}
