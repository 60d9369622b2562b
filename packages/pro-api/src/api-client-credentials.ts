const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * An API client's id and secret. The secret is readable through `clientSecret` but never printed:
 * `JSON.stringify`, `util.inspect` and `String()` show it redacted.
 */
export class ApiClientCredentials {
  readonly #clientSecret: string;

  constructor(
    /** The API client's public id (a UUID on Jamf Pro). */
    readonly clientId: string,
    clientSecret: string,
  ) {
    this.#clientSecret = clientSecret;
  }

  /** The client secret, for a token provider such as `@jamf/auth`'s `clientCredentials`. */
  get clientSecret(): string {
    return this.#clientSecret;
  }

  /** A redacted view for logs. */
  toJSON(): { clientId: string; clientSecret: '[redacted]' } {
    return { clientId: this.clientId, clientSecret: '[redacted]' };
  }

  toString(): string {
    return `ApiClientCredentials(${this.clientId})`;
  }

  [INSPECT](): string {
    return `ApiClientCredentials { clientId: '${this.clientId}', clientSecret: [redacted] }`;
  }
}
