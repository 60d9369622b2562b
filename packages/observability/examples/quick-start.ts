import { authMiddleware, clientCredentials } from '@jamf/auth';
import { logRequests } from '@jamf/observability';
import { otelFetch, otelMiddleware } from '@jamf/observability/otel';
import { createProClient } from '@jamf/pro-api';
import pino from 'pino';

const log = logRequests({ log: pino() });

await using jamf = clientCredentials({
  baseUrl: 'https://tenant.jamfcloud.com',
  clientId: process.env.JAMF_CLIENT_ID ?? '',
  clientSecret: process.env.JAMF_CLIENT_SECRET ?? '',
  // Token requests: logged, and traced as spans of their own.
  fetch: otelFetch(log.wrap(fetch)),
});

const pro = createProClient({
  baseUrl: jamf.origin,
  // Optional: lets each record count its sends, retries and 401-replays.
  fetch: log.countAttempts((request) => fetch(request)),
  // Outermost first: one span and one record per call, whatever happens inside.
  middleware: [otelMiddleware(), log, authMiddleware(jamf)],
});

await pro.GET('/v1/jamf-pro-version');
// {"level":30,…,"method":"GET","server":"https://tenant.jamfcloud.com","path":"/api/v1/jamf-pro-version",
//  "route":"/api/v1/jamf-pro-version","status":200,"durationMs":84.2,"attempts":1,"retries":0,"replays":0,
//  "msg":"jamf request"}
