import { privilegeCatalogue } from '../generated/privilege-catalogue.js';
import type {
  AccountPrivilegeSet,
  MockAccount,
  MockAccountFields,
  MockAccountGroupFields,
} from '../state/accounts.js';
import type { MockState } from '../state/mock-state.js';
import { sitesOf } from '../state/sites.js';

/*
 * The rules Classic `/JSSResource/accounts` and Pro `/v1/accounts` share: two views of one
 * account store. Privilege sets as Jamf documents them ("Jamf Pro User Accounts and Groups",
 * Jamf Pro Documentation 11.28.0, learn.jamf.com): Administrator grants all privileges, Auditor
 * all read privileges, Enrollment Only what enrolling takes, Custom the privileges granted.
 */

const KNOWN = new Set(privilegeCatalogue);

/** Every `Read …` name of the catalogue: what an Auditor holds. */
const READ_PRIVILEGES: readonly string[] = Object.freeze(
  privilegeCatalogue.filter((name) => name.startsWith('Read ')),
);

/**
 * Enrollment Only. Jamf's page lists reading, creating and deleting enrollment invitations and
 * reading and deleting computer and mobile device records; the two `Enroll …` privileges are the
 * mock's reading of "privileges required to enroll" (unverified). Names the catalogue lacks
 * (`Delete Computer Enrollment Invitations`) are left out.
 */
const ENROLLMENT_ONLY_PRIVILEGES: readonly string[] = Object.freeze(
  [
    'Read Computer Enrollment Invitations',
    'Create Computer Enrollment Invitations',
    'Delete Computer Enrollment Invitations',
    'Read Mobile Device Enrollment Invitations',
    'Create Mobile Device Enrollment Invitations',
    'Delete Mobile Device Enrollment Invitations',
    'Read Computers',
    'Delete Computers',
    'Read Mobile Devices',
    'Delete Mobile Devices',
    'Enroll Computers',
    'Enroll Mobile Devices',
  ].filter((name) => KNOWN.has(name)),
);

/** Every privilege name an account may be granted (the mock's 516-name catalogue), sorted. */
export const ACCOUNT_PRIVILEGE_NAMES: readonly string[] = privilegeCatalogue;

/**
 * What an account of privilege set `set` holds: `'all'` for Administrator, the set's names for
 * Auditor and Enrollment Only, `custom` (each once) for Custom.
 */
export function privilegesOfSet(
  set: AccountPrivilegeSet,
  custom: readonly string[],
): 'all' | readonly string[] {
  if (set === 'Administrator') return 'all';
  if (set === 'Auditor') return READ_PRIVILEGES;
  if (set === 'Enrollment Only') return ENROLLMENT_ONLY_PRIVILEGES;
  return [...new Set(custom)];
}

/** The first of `names` that is no known privilege, or undefined when all are known. */
export function unknownPrivilegeOf(names: readonly string[]): string | undefined {
  return names.find((name) => !KNOWN.has(name));
}

/**
 * Why `fields` cannot be stored for account `exceptId` (undefined for a new one), or undefined
 * when they can: a username is required and unique in any case (uniqueness in any case:
 * unverified), and a site must exist. A `Group Access` account holds its groups' privileges only.
 */
export function accountProblem(
  state: MockState,
  fields: MockAccountFields,
  exceptId: number | undefined,
): AccountWriteProblem | undefined {
  if (fields.username.trim() === '')
    return { field: 'username', problem: 'missing', message: 'Name is required' };
  if (fields.username.includes(':'))
    // Basic credentials cannot carry a ':' in the user name: such an account could never log in.
    return {
      field: 'username',
      problem: 'invalid',
      message: 'A username cannot contain ":"',
    };
  if (state.accounts.isUsernameTaken(fields.username, exceptId))
    return { field: 'username', problem: 'duplicate', message: 'Duplicate name' };
  return siteProblem(state, fields.siteId);
}

/** A refusal of a write: the field at fault (Pro's name), its kind and a message. */
export interface AccountWriteProblem {
  field: string;
  problem: 'missing' | 'duplicate' | 'invalid';
  message: string;
}

function siteProblem(state: MockState, siteId: number): AccountWriteProblem | undefined {
  if (siteId > 0 && sitesOf(state).get(String(siteId)) === undefined)
    return { field: 'siteId', problem: 'invalid', message: `No site has id ${siteId}` };
  return undefined;
}

/**
 * Why `fields` cannot be stored for account group `exceptId` (undefined for a new one), or
 * undefined when they can: a unique name, `Full Access` or `Site Access`, a site that exists and
 * members that are accounts.
 */
export function accountGroupProblem(
  state: MockState,
  fields: MockAccountGroupFields,
  exceptId: number | undefined,
): AccountWriteProblem | undefined {
  if (fields.name.trim() === '')
    return { field: 'name', problem: 'missing', message: 'Name is required' };
  if (state.accounts.isGroupNameTaken(fields.name, exceptId))
    return { field: 'name', problem: 'duplicate', message: 'Duplicate name' };
  if (fields.accessLevel === 'Group Access')
    return {
      field: 'accessLevel',
      problem: 'invalid',
      message: 'A group has Full Access or Site Access',
    };
  const stranger = fields.memberIds.find((id) => state.accounts.byId(id) === undefined);
  if (stranger !== undefined)
    return { field: 'members', problem: 'invalid', message: `No account has id ${stranger}` };
  return siteProblem(state, fields.siteId);
}

/**
 * Stores `fields` as a new account (`id` undefined) or over account `id`, with `password` when
 * one is given; a change of username or a disabled account ends the account's tokens (as a
 * disabled API client's do: unverified for user accounts). Check {@link accountProblem} first.
 */
export function saveAccount(
  state: MockState,
  now: number,
  id: number | undefined,
  fields: MockAccountFields,
  password: string | undefined,
): MockAccount {
  if (id === undefined) return state.accounts.create(fields, password, now);
  const before = state.accounts.byId(id) as MockAccount;
  const saved = state.accounts.update(id, fields, password, now) as MockAccount;
  if (before.username !== saved.username || !saved.isEnabled)
    state.tokens.revokeAccount(before.username);
  return saved;
}

/**
 * Deletes account `id` and ends its tokens (so a later account of the same name does not inherit
 * them); false when no account has that id.
 */
export function deleteAccount(state: MockState, id: number): boolean {
  const deleted = state.accounts.delete(id);
  if (deleted === undefined) return false;
  state.tokens.revokeAccount(deleted.username);
  return true;
}
