import { JamfAuthError } from '../errors.js';
import { clientCredentials } from '../providers/client-credentials.js';
import { userCredentials } from '../providers/user-credentials.js';
import type { ProviderOptions, TokenProvider } from '../token-provider.js';
import type { JamfCredentials } from './jamf-credentials.js';

/** Provider options other than the server URL, which the credentials carry. */
export type SourceProviderOptions = Omit<ProviderOptions, 'baseUrl'>;

/**
 * The provider that fits `credentials`: {@link clientCredentials} for an API client,
 * {@link userCredentials} for a user account.
 *
 * @example
 * const provider = providerFor(await fromKeychain({ service: 'jamf', account: 'prod' }));
 */
export function providerFor(
  credentials: JamfCredentials,
  options: SourceProviderOptions = {},
): TokenProvider {
  if (typeof credentials !== 'object' || credentials === null) {
    throw new JamfAuthError(
      'MISSING_CREDENTIALS',
      'providerFor needs credentials, such as fromEnv() returns',
    );
  }
  return credentials.kind === 'client'
    ? clientCredentials({
        ...options,
        baseUrl: credentials.baseUrl,
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
      })
    : userCredentials({
        ...options,
        baseUrl: credentials.baseUrl,
        username: credentials.username,
        password: credentials.password,
      });
}
