import { authMiddleware, clientCredentials } from '@jamf/auth';
import { retry } from '@jamf/auth/resilience';
import { logRequests } from '@jamf/observability';
import { createProClient } from '@jamf/pro-api';
import pino from 'pino';

const log = logRequests({ log: pino({ level: 'info' }) });

await using jamf = clientCredentials({
  baseUrl: process.env.JAMF_URL ?? 'https://tenant.jamfcloud.com',
  clientId: process.env.JAMF_CLIENT_ID ?? '',
  clientSecret: process.env.JAMF_CLIENT_SECRET ?? '',
  fetch: log.wrap(fetch), // token requests get a record too
});

const pro = createProClient({
  baseUrl: jamf.origin,
  // Counts each call's sends, so records show retries and 401-replays.
  fetch: log.countAttempts((request) => fetch(request)),
  // The log first: one record per call, covering what the layers after it do.
  middleware: [log, authMiddleware(jamf), retry()],
});

await pro.GET('/v1/computers-inventory', { params: { query: { 'page-size': 100 } } });
