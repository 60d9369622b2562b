import { JamfAuthError } from '../errors.js';
import {
  clientCredentialsOf,
  type JamfCredentials,
  userCredentialsOf,
} from './jamf-credentials.js';

/** Environment variables as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Credentials from environment variables, the usual choice in CI and containers: reads `JAMF_URL`
 * with `JAMF_CLIENT_ID` + `JAMF_CLIENT_SECRET` (preferred) or `JAMF_USERNAME` + `JAMF_PASSWORD`.
 * Throws `MISSING_CREDENTIALS` naming the variables that are missing; empty values count as
 * missing, and values never appear in the error. Pass the result to `providerFor`.
 *
 * @example
 * const provider = providerFor(fromEnv()); // JAMF_URL, JAMF_CLIENT_ID, JAMF_CLIENT_SECRET
 */
export function fromEnv(env: Environment = process.env): JamfCredentials {
  if (typeof env !== 'object' || env === null) {
    throw new JamfAuthError(
      'INVALID_OPTIONS',
      'fromEnv takes an environment object such as process.env',
    );
  }
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const url = read('JAMF_URL');
  const clientId = read('JAMF_CLIENT_ID');
  const clientSecret = read('JAMF_CLIENT_SECRET');
  const username = read('JAMF_USERNAME');
  const password = read('JAMF_PASSWORD');
  const client = clientId !== undefined || clientSecret !== undefined;
  const user = !client && (username !== undefined || password !== undefined);
  const missing = [
    url === undefined ? 'JAMF_URL' : undefined,
    client && clientId === undefined ? 'JAMF_CLIENT_ID' : undefined,
    client && clientSecret === undefined ? 'JAMF_CLIENT_SECRET' : undefined,
    user && username === undefined ? 'JAMF_USERNAME' : undefined,
    user && password === undefined ? 'JAMF_PASSWORD' : undefined,
    !client && !user
      ? 'JAMF_CLIENT_ID and JAMF_CLIENT_SECRET (or JAMF_USERNAME and JAMF_PASSWORD)'
      : undefined,
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    throw new JamfAuthError(
      'MISSING_CREDENTIALS',
      `missing environment variables: ${missing.join(', ')}`,
    );
  }
  return client
    ? clientCredentialsOf(url!, clientId!, clientSecret!)
    : userCredentialsOf(url!, username!, password!);
}
