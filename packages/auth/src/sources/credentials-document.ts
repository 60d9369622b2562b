import { JamfAuthError } from '../errors.js';
import {
  clientCredentialsOf,
  type JamfCredentials,
  userCredentialsOf,
} from './jamf-credentials.js';

/**
 * Reads the JSON document that the keychain and AWS Secrets Manager sources expect:
 * `{"url", "clientId", "clientSecret"}` for an API client or `{"url", "username", "password"}`
 * for a user. Errors name what is wrong, never a value.
 */
export function parseCredentialsDocument(text: string, where: string): JamfCredentials {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new JamfAuthError(
      'CREDENTIALS_DOCUMENT_INVALID',
      `${where} is not a JSON object with url and clientId/clientSecret or username/password`,
    );
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new JamfAuthError('CREDENTIALS_DOCUMENT_INVALID', `${where} is not a JSON object`);
  }
  const fields = document as Record<string, unknown>;
  const text_ = (name: string): string | undefined => {
    const value = fields[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const isClient = 'clientId' in fields || 'clientSecret' in fields;
  const wanted = isClient ? ['url', 'clientId', 'clientSecret'] : ['url', 'username', 'password'];
  const missing = wanted.filter((name) => text_(name) === undefined);
  if (missing.length > 0) {
    throw new JamfAuthError(
      'CREDENTIALS_DOCUMENT_INVALID',
      `${where} lacks ${missing.join(', ')} (expected url with clientId/clientSecret or username/password)`,
    );
  }
  const [url, principal, secret] = wanted.map((name) => text_(name)!) as [string, string, string];
  return isClient
    ? clientCredentialsOf(url, principal, secret)
    : userCredentialsOf(url, principal, secret);
}
