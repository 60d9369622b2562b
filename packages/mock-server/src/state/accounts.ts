import { MockOptionError } from './mock-option-error.js';

/** A user account the mock accepts, as given in options. */
export interface MockAccountOptions {
  username: string;
  password: string;
  /** `'all'` for a full administrator, or the exact privilege names the account holds. */
  privileges?: 'all' | readonly string[];
}

/** Jamf's privilege sets: Classic `privilege_set`, Pro `privilegeLevel`. */
export type AccountPrivilegeSet = 'Administrator' | 'Auditor' | 'Enrollment Only' | 'Custom';

/** Jamf's access levels: Classic `access_level`, Pro `accessLevel`. */
export type AccountAccessLevel = 'Full Access' | 'Site Access' | 'Group Access';

/** A stored account; the password is never part of it. */
export interface MockAccount {
  id: number;
  username: string;
  realName: string;
  email: string;
  phone: string;
  isEnabled: boolean;
  /** The account must choose a new password at its next login (the mock does not enforce it). */
  mustChangePassword: boolean;
  accessLevel: AccountAccessLevel;
  privilegeSet: AccountPrivilegeSet;
  /** The site of a `Site Access` account, -1 for none. */
  siteId: number;
  /** Epoch ms of the last password set through the API; undefined for accounts from options. */
  passwordChangedAt: number | undefined;
  /**
   * What its own privilege set grants: `'all'` for an administrator, else the privilege names
   * (for `Auditor` and `Enrollment Only` the names of the set, resolved by whoever wrote it).
   * A `Group Access` account holds none of its own.
   */
  grantedPrivileges: 'all' | readonly string[];
  /**
   * What the account's tokens hold, kept by the store: its own privileges together with those of
   * every account group it is a member of (Jamf: "members of a group inherit the … privileges").
   */
  privileges: 'all' | readonly string[];
}

/** The fields of an account a create or an update sets (the store assigns `id` and `privileges`). */
export type MockAccountFields = Omit<MockAccount, 'id' | 'passwordChangedAt' | 'privileges'>;

/** A Jamf Pro account group: its members hold its privileges. */
export interface MockAccountGroup {
  id: number;
  name: string;
  /** `Full Access` or `Site Access`. */
  accessLevel: AccountAccessLevel;
  privilegeSet: AccountPrivilegeSet;
  siteId: number;
  /** What the group's privilege set grants (`'all'` for Administrator). */
  privileges: 'all' | readonly string[];
  /** Ids of the member accounts. */
  memberIds: readonly number[];
}

/** The fields of an account group a create or an update sets (the store assigns `id`). */
export type MockAccountGroupFields = Omit<MockAccountGroup, 'id'>;

/** The documented default administrator, used when no accounts are given. */
export const DEFAULT_ACCOUNT: Readonly<MockAccountOptions> = Object.freeze({
  username: 'admin',
  password: 'jamf1234',
  privileges: 'all',
});

/**
 * User accounts, their passwords and account groups, the one store behind `accounts` options,
 * Classic `/JSSResource/accounts` and Pro `/v1/accounts` and `/v1/account-groups`. Passwords stay in a private field `inspect`
 * and `JSON.stringify` do not print; accounts are replaced, never changed in place.
 */
export class AccountStore {
  readonly #passwords = new Map<number, string>();
  readonly #accounts = new Map<number, MockAccount>();
  /** Lower-cased username → id. */
  readonly #ids = new Map<string, number>();
  readonly #groups = new Map<number, MockAccountGroup>();
  #nextId = 1;
  #nextGroupId = 1;

  constructor(accounts: readonly MockAccountOptions[] = [DEFAULT_ACCOUNT]) {
    for (const account of accounts) this.add(account);
  }

  /**
   * Adds (or replaces, keeping its id) the account named `options.username` in any case, as
   * options give it:
   * `'all'` (or no privileges) is an enabled administrator, a list a custom account.
   */
  add(options: MockAccountOptions): MockAccount {
    const isAdministrator = options.privileges === undefined || options.privileges === 'all';
    const fields: MockAccountFields = {
      username: options.username,
      realName: '',
      email: '',
      phone: '',
      isEnabled: true,
      mustChangePassword: false,
      accessLevel: 'Full Access',
      privilegeSet: isAdministrator ? 'Administrator' : 'Custom',
      siteId: -1,
      grantedPrivileges: isAdministrator ? 'all' : [...(options.privileges as readonly string[])],
    };
    const existing = this.findByName(options.username);
    if (existing === undefined) return this.create(fields, options.password);
    this.#store({ ...fields, id: existing.id, passwordChangedAt: undefined });
    this.#passwords.set(existing.id, options.password);
    return this.#accounts.get(existing.id) as MockAccount;
  }

  /**
   * Creates an account with the next id; without a password (or with `''`) it cannot log in.
   * `at` (epoch ms) is recorded as its last password change.
   * @throws MockOptionError `INVALID_MOCK_OPTION` when the username is empty or taken.
   */
  create(fields: MockAccountFields, password?: string, at?: number): MockAccount {
    this.#checkUsername(fields.username, undefined);
    const id = this.#nextId++;
    const hasPassword = password !== undefined && password !== '';
    this.#store({ ...fields, id, passwordChangedAt: hasPassword ? at : undefined });
    this.#ids.set(fields.username.toLowerCase(), id);
    if (hasPassword) this.#passwords.set(id, password);
    return this.#accounts.get(id) as MockAccount;
  }

  /**
   * Replaces the given fields of account `id` (and its password when one is given; `at` is then
   * its last password change). Undefined when no account has that id.
   * @throws MockOptionError `INVALID_MOCK_OPTION` when the new username is empty or taken.
   */
  update(
    id: number,
    fields: Partial<MockAccountFields>,
    password?: string,
    at?: number,
  ): MockAccount | undefined {
    const existing = this.#accounts.get(id);
    if (existing === undefined) return undefined;
    if (fields.username !== undefined) this.#checkUsername(fields.username, id);
    const hasPassword = password !== undefined && password !== '';
    const { privileges: _, ...kept } = existing;
    this.#store({
      ...kept,
      ...fields,
      id,
      passwordChangedAt: hasPassword ? at : existing.passwordChangedAt,
    });
    this.#ids.delete(existing.username.toLowerCase());
    this.#ids.set((fields.username ?? existing.username).toLowerCase(), id);
    if (hasPassword) this.#passwords.set(id, password);
    return this.#accounts.get(id);
  }

  /** Deletes account `id` with its password; returns the deleted account, if there was one. */
  delete(id: number): MockAccount | undefined {
    const existing = this.#accounts.get(id);
    if (existing === undefined) return undefined;
    this.#accounts.delete(id);
    this.#passwords.delete(id);
    this.#ids.delete(existing.username.toLowerCase());
    for (const group of this.groupsOf(id)) {
      const memberIds = group.memberIds.filter((member) => member !== id);
      this.#groups.set(group.id, { ...group, memberIds });
    }
    return existing;
  }

  /** Every account group, in creation order. */
  listGroups(): MockAccountGroup[] {
    return [...this.#groups.values()];
  }

  /** The account group with `id`, if any. */
  groupById(id: number): MockAccountGroup | undefined {
    return this.#groups.get(id);
  }

  /** The account group named `name` in any case, if any. */
  findGroupByName(name: string): MockAccountGroup | undefined {
    const wanted = name.toLowerCase();
    return this.listGroups().find((group) => group.name.toLowerCase() === wanted);
  }

  /** True when another group than `exceptId` is named `name` (in any case). */
  isGroupNameTaken(name: string, exceptId?: number): boolean {
    const found = this.findGroupByName(name);
    return found !== undefined && found.id !== exceptId;
  }

  /** The groups account `accountId` is a member of. */
  groupsOf(accountId: number): MockAccountGroup[] {
    return this.listGroups().filter((group) => group.memberIds.includes(accountId));
  }

  /**
   * Creates an account group; its members (ids of accounts that exist, each once) hold its
   * privileges from now on.
   * @throws MockOptionError `INVALID_MOCK_OPTION` when the name is empty or taken.
   */
  createGroup(fields: MockAccountGroupFields): MockAccountGroup {
    this.#checkGroupName(fields.name, undefined);
    const group = { ...fields, id: this.#nextGroupId++, memberIds: this.#members(fields) };
    this.#groups.set(group.id, group);
    this.#refresh(group.memberIds);
    return group;
  }

  /**
   * Replaces the given fields of group `id`; old and new members' privileges follow at once.
   * Undefined when no group has that id.
   * @throws MockOptionError `INVALID_MOCK_OPTION` when the new name is empty or taken.
   */
  updateGroup(id: number, fields: Partial<MockAccountGroupFields>): MockAccountGroup | undefined {
    const existing = this.#groups.get(id);
    if (existing === undefined) return undefined;
    if (fields.name !== undefined) this.#checkGroupName(fields.name, id);
    const merged = { ...existing, ...fields, id };
    const group = { ...merged, memberIds: this.#members(merged) };
    this.#groups.set(id, group);
    this.#refresh([...existing.memberIds, ...group.memberIds]);
    return group;
  }

  /** Deletes group `id`; its members lose its privileges. Returns the deleted group, if any. */
  deleteGroup(id: number): MockAccountGroup | undefined {
    const existing = this.#groups.get(id);
    if (existing === undefined) return undefined;
    this.#groups.delete(id);
    this.#refresh(existing.memberIds);
    return existing;
  }

  /** The account named `username` (exactly, as tokens and Basic credentials name it), if any. */
  get(username: string): MockAccount | undefined {
    const account = this.findByName(username);
    return account?.username === username ? account : undefined;
  }

  /** The account named `username` in any case, as Classic's `username/{name}` finds it. */
  findByName(username: string): MockAccount | undefined {
    const id = this.#ids.get(username.toLowerCase());
    return id === undefined ? undefined : this.#accounts.get(id);
  }

  /** The account with `id`, if any. */
  byId(id: number): MockAccount | undefined {
    return this.#accounts.get(id);
  }

  /** True when another account than `exceptId` has `username` (in any case). */
  isUsernameTaken(username: string, exceptId?: number): boolean {
    const id = this.#ids.get(username.toLowerCase());
    return id !== undefined && id !== exceptId;
  }

  /** Every account, in creation order. */
  list(): MockAccount[] {
    return [...this.#accounts.values()];
  }

  /** The account when `password` is right and the account is enabled, else undefined. */
  verify(username: string, password: string): MockAccount | undefined {
    const account = this.get(username);
    if (account === undefined || !account.isEnabled) return undefined;
    const expected = this.#passwords.get(account.id);
    return expected !== undefined && expected === password ? account : undefined;
  }

  /** Stores `account` with the privileges its own set and its groups give it. */
  #store(account: Omit<MockAccount, 'privileges'>): void {
    const own = account.accessLevel === 'Group Access' ? [] : account.grantedPrivileges;
    const groups = this.groupsOf(account.id);
    let privileges: MockAccount['privileges'] = own;
    if (own === 'all' || groups.some((group) => group.privileges === 'all')) privileges = 'all';
    else if (groups.length > 0)
      privileges = [...new Set([...own, ...groups.flatMap((group) => group.privileges)])];
    this.#accounts.set(account.id, { ...account, privileges });
  }

  /** Recomputes the privileges of the accounts `ids` (after a change to their groups). */
  #refresh(ids: readonly number[]): void {
    for (const id of new Set(ids)) {
      const account = this.#accounts.get(id);
      if (account !== undefined) this.#store(account);
    }
  }

  /** A group's member ids that name accounts, each once. */
  #members(group: Pick<MockAccountGroup, 'memberIds'>): number[] {
    return [...new Set(group.memberIds)].filter((id) => this.#accounts.has(id));
  }

  #checkGroupName(name: string, exceptId: number | undefined): void {
    if (name.trim() === '')
      throw new MockOptionError('INVALID_MOCK_OPTION', 'an account group needs a name');
    if (this.isGroupNameTaken(name, exceptId))
      throw new MockOptionError('INVALID_MOCK_OPTION', `account group name ${name} is taken`);
  }

  #checkUsername(username: string, exceptId: number | undefined): void {
    if (username.trim() === '')
      throw new MockOptionError('INVALID_MOCK_OPTION', 'an account needs a username');
    if (this.isUsernameTaken(username, exceptId))
      throw new MockOptionError('INVALID_MOCK_OPTION', `username ${username} is taken`);
  }
}
