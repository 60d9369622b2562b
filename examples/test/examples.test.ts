import { authMiddleware, userCredentials } from '@jamf/auth';
import { type JamfMockServer, startJamfMockServer } from '@jamf/mock-server';
import { createProClient } from '@jamf/pro-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppClient, osVersionReport } from '../compose-middleware.js';
import { provisionSyncClient, SYNC_OPERATIONS } from '../provision-from-operations.js';
import { regenerateTypes } from '../regenerate-types.js';

let server: JamfMockServer;
beforeEach(async () => {
  server = await startJamfMockServer({ counts: { computers: 240 } });
});
afterEach(() => server.close());

const admin = () =>
  userCredentials({ baseUrl: server.url, username: 'admin', password: 'jamf1234' });

describe('compose-middleware example', () => {
  it('reports every computer once, grouped by macOS version', async () => {
    await using provider = admin();
    const report = await osVersionReport(createAppClient(server.url, provider));
    const total = [...report.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBe(240);
    expect(server.mock.stats.maxInFlight).toBeLessThanOrEqual(5);
  });

  it('rides out 503s with Retry-After through the retry layer', async () => {
    server.mock.faults.add({
      method: 'GET',
      path: '/api/v1/computers-inventory',
      status: 503,
      retryAfterSeconds: 2,
      times: 2,
    });
    const waits: number[] = [];
    await using provider = admin();
    const jamf = createAppClient(server.url, provider, {
      sleep: async (ms) => void waits.push(ms),
    });
    const report = await osVersionReport(jamf);
    expect([...report.values()].reduce((sum, n) => sum + n, 0)).toBe(240);
    expect(waits).toEqual([2000, 2000]);
  });
});

describe('provision-from-operations example', () => {
  it('grants exactly the privileges of the listed operations, and re-running changes nothing', async () => {
    await using provider = admin();
    const jamf = createProClient({ baseUrl: server.url, middleware: [authMiddleware(provider)] });
    const first = await provisionSyncClient(jamf);
    expect(first.privileges).toEqual([
      'Create Buildings',
      'Create Departments',
      'Read Buildings',
      'Read Departments',
      'Update Buildings',
    ]);
    expect(SYNC_OPERATIONS).toHaveLength(5);
    const again = await provisionSyncClient(jamf);
    expect(again).toMatchObject({
      role: 'unchanged',
      integration: 'unchanged',
      roleId: first.roleId,
    });
  });
});

describe('regenerate-types example', () => {
  it("regenerates the Pro types from a server's /api/schema and reports no drift against the SDK's own version", async () => {
    await using provider = admin();
    const { token } = await provider.getToken();
    const result = await regenerateTypes(`${server.url}/api/schema`, token);
    expect(result.added).toBe(0);
    expect(result.removed).toBe(0);
    const paths = result.files.map((file) => file.path).sort();
    expect(paths).toEqual([
      'packages/pro-api/src/generated/media-types.ts',
      'packages/pro-api/src/generated/openapi.ts',
      'packages/pro-api/src/generated/privileges.ts',
      'specs/jamf-pro.openapi.json',
    ]);
    expect(result.files.every((file) => file.bytes > 1000)).toBe(true);
  });
});
