import type { MockAccount } from '../../state/accounts.js';
import type { Route, RouteContext } from '../route.js';
import { classicResponse } from './classic-format.js';
import { classicNotFound, guarded } from './classic-resource.js';

const ACCOUNTS = { privilegeObjects: ['Accounts'] };
const site = { id: -1, name: 'None' };

/** A user account in the element names of Jamf's Classic `account` schema. */
function accountDetail(account: MockAccount) {
  const isAdministrator = account.privileges === 'all';
  return {
    id: account.id,
    name: account.username,
    directory_user: false,
    full_name: account.username,
    email: '',
    email_address: '',
    enabled: 'Enabled',
    force_password_change: false,
    access_level: 'Full Access',
    privilege_set: isAdministrator ? 'Administrator' : 'Custom',
    site,
    privileges: {
      jss_objects: isAdministrator ? [] : [...account.privileges],
      jss_settings: [],
      jss_actions: [],
      recon: [],
      casper_admin: [],
      casper_remote: [],
      casper_imaging: [],
    },
  };
}

function userById(ctx: RouteContext): MockAccount | undefined {
  const id = ctx.params.key ?? '';
  if (!/^\d{1,9}$/.test(id)) return undefined;
  return ctx.state.accounts.list().find((account) => account.id === Number(id));
}

function userByName(ctx: RouteContext): MockAccount | undefined {
  const name = (ctx.params.key ?? '').toLowerCase();
  return ctx.state.accounts.list().find((account) => account.username.toLowerCase() === name);
}

/**
 * Classic `accounts` (read only): `GET /accounts` lists users and groups, `userid`/`username`
 * read one user. The mock's accounts have no groups, so `groupid`/`groupname` are 404. Needs
 * `Read Accounts`.
 */
export function classicAccountRoutes(): Route[] {
  const user = (find: (ctx: RouteContext) => MockAccount | undefined) =>
    guarded(ACCOUNTS, 'GET', (ctx) => {
      const account = find(ctx);
      if (account === undefined) return classicNotFound();
      return classicResponse(ctx.request, 'account', accountDetail(account));
    });
  const noGroup = guarded(ACCOUNTS, 'GET', () => classicNotFound());
  return [
    {
      method: 'GET',
      path: '/JSSResource/accounts',
      handle: guarded(ACCOUNTS, 'GET', (ctx) =>
        classicResponse(ctx.request, 'accounts', {
          users: ctx.state.accounts
            .list()
            .map((account) => ({ id: account.id, name: account.username })),
          groups: [],
        }),
      ),
    },
    { method: 'GET', path: '/JSSResource/accounts/userid/{key}', handle: user(userById) },
    { method: 'GET', path: '/JSSResource/accounts/username/{key}', handle: user(userByName) },
    { method: 'GET', path: '/JSSResource/accounts/groupid/{key}', handle: noGroup },
    { method: 'GET', path: '/JSSResource/accounts/groupname/{key}', handle: noGroup },
  ];
}
