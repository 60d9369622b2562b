import { JamfAuthError } from '../errors.js';
import { ManagedTokenProvider, providerContext } from '../managed-token-provider.js';
import { checkProviderOptions } from '../provider-options.js';
import type { ProviderOptions, TokenProvider } from '../token-provider.js';
import { userTokenGrant } from './user-token-grant.js';

/** Options of {@link userCredentials}. */
export interface UserCredentialsOptions extends ProviderOptions {
  username: string;
  password: string;
}

/** Fails with `MISSING_CREDENTIALS` naming the empty fields (never their values). */
export function requireFields(fields: Record<string, unknown>): void {
  const missing = Object.entries(fields)
    .filter(([, value]) => typeof value !== 'string' || value === '')
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new JamfAuthError('MISSING_CREDENTIALS', `missing ${missing.join(', ')}`);
  }
}

/**
 * A provider for a Jamf Pro user account (`/api/v1/auth/token`, Basic auth): tokens are kept
 * alive inside their refresh window and invalidated on `close()`.
 * @example const provider = userCredentials({ baseUrl: 'https://example.jamfcloud.com', username, password });
 */
export function userCredentials(options: UserCredentialsOptions): TokenProvider {
  checkProviderOptions(options);
  requireFields({ username: options.username, password: options.password });
  const { server, context } = providerContext(options);
  const grant = userTokenGrant(
    {
      tokenUrl: `${server.root}/api/v1/auth/token`,
      keepAliveUrl: `${server.root}/api/v1/auth/keep-alive`,
      invalidateUrl: `${server.root}/api/v1/auth/invalidate-token`,
      authorizationScheme: 'Bearer',
      parseExpires: (value) => (typeof value === 'string' ? Date.parse(value) : Number.NaN),
    },
    options.username,
    options.password,
  );
  return new ManagedTokenProvider(grant, server, context, options);
}
