/** A user account the mock accepts, as given in options. */
export interface MockAccountOptions {
  username: string;
  password: string;
  /** `'all'` for a full administrator, or the exact privilege names the account holds. */
  privileges?: 'all' | readonly string[];
}

/** A stored account; the password is never part of it. */
export interface MockAccount {
  id: number;
  username: string;
  privileges: 'all' | readonly string[];
}

/** The documented default administrator, used when no accounts are given. */
export const DEFAULT_ACCOUNT: Readonly<MockAccountOptions> = Object.freeze({
  username: 'admin',
  password: 'jamf1234',
  privileges: 'all',
});

/** User accounts and their passwords; passwords stay in a private field `inspect` does not print. */
export class AccountStore {
  readonly #passwords = new Map<string, string>();
  readonly #accounts = new Map<string, MockAccount>();
  #nextId = 1;

  constructor(accounts: readonly MockAccountOptions[] = [DEFAULT_ACCOUNT]) {
    for (const account of accounts) this.add(account);
  }

  /** Adds (or replaces) an account. */
  add(options: MockAccountOptions): MockAccount {
    const existing = this.#accounts.get(options.username);
    const account: MockAccount = {
      id: existing?.id ?? this.#nextId++,
      username: options.username,
      privileges:
        options.privileges === undefined || options.privileges === 'all'
          ? 'all'
          : [...options.privileges],
    };
    this.#accounts.set(account.username, account);
    this.#passwords.set(account.username, options.password);
    return account;
  }

  /** The account for `username`, if any. */
  get(username: string): MockAccount | undefined {
    return this.#accounts.get(username);
  }

  /** Every account, in creation order. */
  list(): MockAccount[] {
    return [...this.#accounts.values()];
  }

  /** The account when `password` is right, else undefined. */
  verify(username: string, password: string): MockAccount | undefined {
    const expected = this.#passwords.get(username);
    return expected !== undefined && expected === password
      ? this.#accounts.get(username)
      : undefined;
  }
}
