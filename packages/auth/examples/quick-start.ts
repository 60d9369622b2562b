import { authMiddleware, clientCredentials, withAuth } from '@jamf/auth';
import createClient from 'openapi-fetch';

const provider = clientCredentials({
  baseUrl: 'https://example.jamfcloud.com',
  clientId: process.env.JAMF_CLIENT_ID ?? '',
  clientSecret: process.env.JAMF_CLIENT_SECRET ?? '',
});

// Any fetch-based code: the token is attached, refreshed, and a 401 is replayed once.
const jamfFetch = withAuth(fetch, provider);
const response = await jamfFetch('https://example.jamfcloud.com/api/v1/jamf-pro-version');
console.log(await response.json());

// The SDK's clients take the provider itself, with no middleware:
//   createProClient({ baseUrl: provider.origin, auth: provider })
// Any other openapi-fetch client: register the middleware.
const client = createClient({ baseUrl: 'https://example.jamfcloud.com/api' });
client.use(authMiddleware(provider));

// Revokes a user token (OAuth tokens are simply dropped).
await provider.close();
