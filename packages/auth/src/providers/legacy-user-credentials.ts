import { JamfAuthError } from '../errors.js';
import { ManagedTokenProvider, providerContext } from '../managed-token-provider.js';
import { checkProviderOptions } from '../provider-options.js';
import type { TokenProvider } from '../token-provider.js';
import { requireFields, type UserCredentialsOptions } from './user-credentials.js';
import { userTokenGrant } from './user-token-grant.js';

/** Options of {@link legacyUserCredentials}. */
export interface LegacyUserCredentialsOptions extends UserCredentialsOptions {
  /** `Authorization` scheme for API calls. Default `jamf-token` (servers since 10.8 also take `Bearer`). */
  authorizationScheme?: 'jamf-token' | 'Bearer';
}

/**
 * A provider for servers older than Jamf Pro 10.8 (`/uapi/auth/tokens`, expiry in epoch ms,
 * `Authorization: jamf-token …`). Use {@link userCredentials} for any current server.
 */
export function legacyUserCredentials(options: LegacyUserCredentialsOptions): TokenProvider {
  checkProviderOptions(options);
  requireFields({ username: options.username, password: options.password });
  const scheme = options.authorizationScheme;
  if (scheme !== undefined && scheme !== 'jamf-token' && scheme !== 'Bearer') {
    throw new JamfAuthError(
      'INVALID_OPTIONS',
      "authorizationScheme must be 'jamf-token' or 'Bearer'",
    );
  }
  const { server, context } = providerContext(options);
  const grant = userTokenGrant(
    {
      tokenUrl: `${server.root}/uapi/auth/tokens`,
      keepAliveUrl: `${server.root}/uapi/auth/keepAlive`,
      invalidateUrl: `${server.root}/uapi/auth/invalidateToken`,
      authorizationScheme: options.authorizationScheme ?? 'jamf-token',
      parseExpires: (value) => {
        if (typeof value === 'number') return value;
        if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
        return typeof value === 'string' ? Date.parse(value) : Number.NaN;
      },
    },
    options.username,
    options.password,
  );
  return new ManagedTokenProvider(grant, server, context, options);
}
