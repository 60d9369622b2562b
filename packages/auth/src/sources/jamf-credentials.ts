import { parseServerUrl } from '../server-url.js';
/** An API client's credentials, as a source found them. */
export interface JamfClientCredentials {
  readonly kind: 'client';
  /** Server URL, e.g. `https://example.jamfcloud.com`. */
  readonly baseUrl: string;
  readonly clientId: string;
  /** Not enumerable: `JSON.stringify` and `util.inspect` leave it out. */
  readonly clientSecret: string;
}

/** A user account's credentials, as a source found them. */
export interface JamfUserCredentials {
  readonly kind: 'user';
  /** Server URL, e.g. `https://example.jamfcloud.com`. */
  readonly baseUrl: string;
  readonly username: string;
  /** Not enumerable: `JSON.stringify` and `util.inspect` leave it out. */
  readonly password: string;
}

/** What every credential source resolves to; hand it to {@link providerFor}. */
export type JamfCredentials = JamfClientCredentials | JamfUserCredentials;

/** Builds client credentials whose secret stays out of logs and serialisation. */
export function clientCredentialsOf(
  baseUrl: string,
  clientId: string,
  clientSecret: string,
): JamfClientCredentials {
  return withHiddenSecret(
    { kind: 'client', baseUrl: checkedBaseUrl(baseUrl), clientId },
    'clientSecret',
    clientSecret,
  );
}

/** Builds user credentials whose password stays out of logs and serialisation. */
export function userCredentialsOf(
  baseUrl: string,
  username: string,
  password: string,
): JamfUserCredentials {
  return withHiddenSecret(
    { kind: 'user', baseUrl: checkedBaseUrl(baseUrl), username },
    'password',
    password,
  );
}

/**
 * Checks the address as every provider will (`INVALID_BASE_URL`: not absolute http(s), or with
 * credentials, a query or a fragment; the message never repeats it), so a password put in the URL
 * by mistake is refused here instead of sitting in the visible `baseUrl` field that `inspect` and
 * `JSON.stringify` print. Whether plain http is allowed is the provider's call, not checked here.
 */
function checkedBaseUrl(baseUrl: string): string {
  parseServerUrl(baseUrl, true);
  return baseUrl;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

function withHiddenSecret<T extends object, K extends string>(
  visible: T,
  key: K,
  secret: string,
): Readonly<T & Record<K, string>> {
  // Not enumerable: spread and `JSON.stringify` skip it. `util.inspect` prints non-enumerable
  // properties under `showHidden`, so the object also says how it is inspected: without the secret.
  Object.defineProperty(visible, key, { value: secret, enumerable: false });
  const shown = { ...visible };
  Object.defineProperty(visible, inspectSymbol, {
    value: (
      _depth: number,
      options: object,
      inspect: (value: unknown, options: object) => string,
    ) => inspect(shown, options),
    enumerable: false,
  });
  return Object.freeze(visible) as Readonly<T & Record<K, string>>;
}
