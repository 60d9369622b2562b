import { clientCredentials } from '@jamf/auth';
import { retry } from '@jamf/auth/resilience';
import { createProClient, JamfApiError, requestTimeout } from '@jamf/pro-api';

await using jamf = clientCredentials({
  baseUrl: process.env.JAMF_URL ?? 'https://tenant.jamfcloud.com',
  clientId: process.env.JAMF_CLIENT_ID ?? '',
  clientSecret: process.env.JAMF_CLIENT_SECRET ?? '',
  timeoutMs: 15_000, // each token request
});

const pro = createProClient({
  baseUrl: jamf.origin,
  timeoutMs: 30_000, // each send of each call (the default is 60 000; 0 waits forever)
  auth: jamf,
  // A GET, PUT or DELETE that timed out is sent again; a POST is not.
  layers: [retry({ maxAttempts: 3 })],
});

try {
  // One slow report gets a limit of its own.
  const { data } = await pro.GET('/v1/computers-inventory', {
    params: { query: { 'page-size': 2000 } },
    headers: requestTimeout(120_000),
  });
  console.log(`${data?.totalCount} computers`);
} catch (error) {
  if (error instanceof JamfApiError && error.code === 'TIMEOUT') {
    console.error(error.message); // "GET /api/v1/computers-inventory: no answer within 120000 ms"
  } else {
    throw error;
  }
}
