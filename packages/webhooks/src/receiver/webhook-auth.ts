import { JamfWebhookError } from '../errors.js';
import { equalsInConstantTime, utf8 } from './constant-time.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const REDACTED = '[redacted]';

/**
 * How a webhook authenticates: Jamf Pro's Basic authentication or a fixed header (newer servers'
 * header authentication). Made by {@link basicAuth} or {@link headerAuth}; the secret is held in a
 * private field, so `JSON.stringify`, `util.inspect` and `console.log` show `[redacted]`.
 */
export class WebhookAuth {
  readonly #secret: string;
  readonly #presentedName: string;
  readonly #expectedBytes: Uint8Array;

  /** @internal Use {@link basicAuth} or {@link headerAuth}. */
  constructor(
    /** `'basic'` (Authorization: Basic) or `'header'` (a named header with a fixed value). */
    readonly type: 'basic' | 'header',
    /** The Basic user name, or the header's name; not secret. */
    readonly identity: string,
    secret: string,
  ) {
    this.#secret = secret;
    this.#presentedName = type === 'basic' ? 'authorization' : identity.toLowerCase();
    this.#expectedBytes = utf8(this.#expected());
  }

  /**
   * True when `request` carries these credentials, compared in constant time (every byte of the
   * secret is visited whatever is presented); a missing or malformed header is simply `false`.
   */
  async verify(request: Request): Promise<boolean> {
    const expected = this.#expectedBytes;
    const header = request.headers.get(this.#presentedName);
    if (header === null) return false;
    if (this.type === 'header') return equalsInConstantTime(utf8(header), expected);
    const match = /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
    if (match === null) return false;
    let decoded: Uint8Array;
    try {
      decoded = Uint8Array.from(atob(match[1]!), (char) => char.charCodeAt(0));
    } catch {
      return false;
    }
    return equalsInConstantTime(decoded, expected);
  }

  /** The headers a sender attaches to carry these credentials (used by {@link fireWebhooks}). */
  headersForSending(): Record<string, string> {
    if (this.type === 'header') return { [this.identity]: this.#secret };
    const bytes = utf8(this.#expected());
    return { authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
  }

  #expected(): string {
    return this.type === 'basic' ? `${this.identity}:${this.#secret}` : this.#secret;
  }

  /** Secret-free form for logs and JSON. */
  toJSON(): Record<string, string> {
    return this.type === 'basic'
      ? { type: 'basic', username: this.identity, password: REDACTED }
      : { type: 'header', name: this.identity, value: REDACTED };
  }

  /** Secret-free form for `util.inspect` and `console.log` in Node, Bun and Deno. */
  [inspectSymbol](): string {
    return `WebhookAuth ${JSON.stringify(this.toJSON())}`;
  }

  /** Secret-free form for string conversion. */
  toString(): string {
    return this[inspectSymbol]();
  }
}

/**
 * Basic authentication, as a Jamf Pro webhook with `authentication_type: BASIC` sends it.
 * @throws {JamfWebhookError} `INVALID_OPTIONS` for an empty user name or password, or a user name
 * with `:`.
 */
export function basicAuth(credentials: { username: string; password: string }): WebhookAuth {
  const { username, password } = credentials ?? ({} as { username?: string; password?: string });
  if (
    typeof username !== 'string' ||
    typeof password !== 'string' ||
    !username ||
    !password ||
    username.includes(':')
  ) {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      'basicAuth needs a non-empty username without ":" and a non-empty password.',
    );
  }
  return new WebhookAuth('basic', username, password);
}

/**
 * Header authentication: the request must carry header `name` with exactly `value`.
 * @throws {JamfWebhookError} `INVALID_OPTIONS` for an empty or invalid header name, or a value that
 * is empty or that no HTTP request can carry as it is.
 */
export function headerAuth(header: { name: string; value: string }): WebhookAuth {
  const { name, value } = header ?? ({} as { name?: string; value?: string });
  if (
    typeof name !== 'string' ||
    !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) ||
    typeof value !== 'string' ||
    !value
  ) {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      'headerAuth needs a valid header name and a non-empty value.',
    );
  }
  // A received value has no CR, LF or NUL and no space or tab at either end (HTTP trims them):
  // a secret with one could never match, and every delivery would get 401.
  // Beyond U+00FF a value is no byte string: `fetch` refuses to send it, so it could never match.
  if (/[\r\n\0\u0100-\uffff]/.test(value) || /^[ \t]|[ \t]$/.test(value)) {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      'headerAuth value must be a valid HTTP header value: no CR, LF or NUL, no character beyond U+00FF, no space or tab at either end.',
    );
  }
  return new WebhookAuth('header', name, value);
}
