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
   * What the account's tokens hold: `'all'` for an administrator, else the privilege names (for
   * `Auditor` and `Enrollment Only` the names of the set, resolved by whoever wrote the account).
   */
  privileges: 'all' | readonly string[];
}

/** The fields of an account a create or an update sets (the store assigns `id`). */
export type MockAccountFields = Omit<MockAccount, 'id' | 'passwordChangedAt'>;

/** The documented default administrator, used when no accounts are given. */
export const DEFAULT_ACCOUNT: Readonly<MockAccountOptions> = Object.freeze({
  username: 'admin',
  password: 'jamf1234',
  privileges: 'all',
});

/**
 * User accounts and their passwords, the one store behind `accounts` options, Classic
 * `/JSSResource/accounts` and Pro `/v1/accounts`. Passwords stay in a private field `inspect`
 * and `JSON.stringify` do not print; accounts are replaced, never changed in place.
 */
export class AccountStore {
  readonly #passwords = new Map<number, string>();
  readonly #accounts = new Map<number, MockAccount>();
  /** Lower-cased username → id. */
  readonly #ids = new Map<string, number>();
  #nextId = 1;

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
      privileges: isAdministrator ? 'all' : [...(options.privileges as readonly string[])],
    };
    const existing = this.findByName(options.username);
    if (existing === undefined) return this.create(fields, options.password);
    this.#accounts.set(existing.id, { ...fields, id: existing.id, passwordChangedAt: undefined });
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
    const account: MockAccount = {
      ...fields,
      id,
      passwordChangedAt: hasPassword ? at : undefined,
    };
    this.#accounts.set(id, account);
    this.#ids.set(fields.username.toLowerCase(), id);
    if (hasPassword) this.#passwords.set(id, password);
    return account;
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
    const account: MockAccount = {
      ...existing,
      ...fields,
      id,
      passwordChangedAt: hasPassword ? at : existing.passwordChangedAt,
    };
    this.#ids.delete(existing.username.toLowerCase());
    this.#ids.set(account.username.toLowerCase(), id);
    this.#accounts.set(id, account);
    if (hasPassword) this.#passwords.set(id, password);
    return account;
  }

  /** Deletes account `id` with its password; returns the deleted account, if there was one. */
  delete(id: number): MockAccount | undefined {
    const existing = this.#accounts.get(id);
    if (existing === undefined) return undefined;
    this.#accounts.delete(id);
    this.#passwords.delete(id);
    this.#ids.delete(existing.username.toLowerCase());
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

  #checkUsername(username: string, exceptId: number | undefined): void {
    if (username.trim() === '')
      throw new MockOptionError('INVALID_MOCK_OPTION', 'an account needs a username');
    if (this.isUsernameTaken(username, exceptId))
      throw new MockOptionError('INVALID_MOCK_OPTION', `username ${username} is taken`);
  }
}
