import { authMiddleware, clientCredentials, withAuth } from '@jamf/auth';
import { createClassicClient } from '@jamf/classic-api';
import { otelFetch, otelMiddleware } from '@jamf/observability/otel';
import { createProClient } from '@jamf/pro-api';
import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ConsoleSpanExporter,
} from '@opentelemetry/sdk-trace-base';

// Your app's tracing setup (here: spans printed to the console).
trace.setGlobalTracerProvider(
  new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(new ConsoleSpanExporter())] }),
);

await using jamf = clientCredentials({
  baseUrl: process.env.JAMF_URL ?? 'https://tenant.jamfcloud.com',
  clientId: process.env.JAMF_CLIENT_ID ?? '',
  clientSecret: process.env.JAMF_CLIENT_SECRET ?? '',
  fetch: otelFetch(fetch), // each token request is a span of its own: "POST /api/oauth/token"
});

// One CLIENT span per call: "GET /api/v1/computers-inventory-detail/{id}".
const pro = createProClient({
  baseUrl: jamf.origin,
  middleware: [otelMiddleware(), authMiddleware(jamf)],
});
await pro.GET('/v1/computers-inventory-detail/{id}', { params: { path: { id: '1' } } });

// The Classic client takes the same middleware: "GET /JSSResource/policies".
const classic = createClassicClient({
  baseUrl: jamf.origin,
  fetch: withAuth(fetch, jamf),
  middleware: [otelMiddleware()],
});
await classic.policies.list();
