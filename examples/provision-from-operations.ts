/**
 * Example: provision an API client that can make exactly the calls an app needs, from the list
 * of those calls; prints the client id (the secret goes to your secret store, never to a log).
 *
 *   npx tsx examples/provision-from-operations.ts   (offline mock, or JAMF_URL/JAMF_USERNAME/JAMF_PASSWORD)
 */
import { pathToFileURL } from 'node:url';
import { authMiddleware, userCredentials } from '@jamf/auth';
import { createProClient, type ProClient } from '@jamf/pro-api';
import { type ProvisionedApiClient, provisionApiClient } from '@jamf/pro-api/provisioning';
import { resolveTarget } from './demo/target.js';

/** The calls a nightly building-and-department sync makes. */
export const SYNC_OPERATIONS = [
  'GET /v1/buildings',
  'POST /v1/buildings',
  'PUT /v1/buildings/{id}',
  'GET /v1/departments',
  'POST /v1/departments',
] as const;

/** Ensures the sync's role and client exist and returns fresh credentials. */
export function provisionSyncClient(admin: ProClient): Promise<ProvisionedApiClient> {
  return provisionApiClient(admin, {
    roleName: 'Directory sync',
    operations: SYNC_OPERATIONS,
    clientName: 'Directory sync (nightly)',
    tokenLifetimeSeconds: 900,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const target = await resolveTarget(process.env);
  try {
    await using admin = userCredentials({ ...target, allowInsecureHttp: true });
    const jamf = createProClient({ baseUrl: target.baseUrl, middleware: [authMiddleware(admin)] });
    const { privileges, credentials, role, integration } = await provisionSyncClient(jamf);
    console.log(`role ${role}, client ${integration}: ${credentials.clientId}`);
    console.log(`privileges: ${privileges.join(', ')}`);
  } finally {
    await target.close();
  }
}
