import { authMiddleware, clientCredentials, withAuth } from '@jamf/auth';
import { createClassicClient } from '@jamf/classic-api';
import { createProClient } from '@jamf/pro-api';

// Name your tool, so Jamf's access logs (and whoever reads them) can tell its traffic apart.
const userAgent = 'inventory-sync/2.1 (+https://wiki.example.com/inventory-sync)';

await using jamf = clientCredentials({
  baseUrl: process.env.JAMF_URL ?? 'https://tenant.jamfcloud.com',
  clientId: process.env.JAMF_CLIENT_ID ?? '',
  clientSecret: process.env.JAMF_CLIENT_SECRET ?? '',
  userAgent, // token requests
});
const pro = createProClient({
  baseUrl: jamf.origin,
  userAgent,
  middleware: [authMiddleware(jamf)],
});
const classic = createClassicClient({
  baseUrl: jamf.origin,
  userAgent,
  fetch: withAuth(fetch, jamf),
});

await pro.GET('/v1/jamf-pro-version');
await classic.categories.list();
