import { userCredentials } from '@jamf/auth';
import { stickySession } from '@jamf/auth/resilience';
import { type JamfMockServer, startJamfMockServer } from '@jamf/mock-server';
import { createProClient } from '@jamf/pro-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The mock's Jamf Cloud cluster (three nodes, a new object unknown to the other nodes for a
// minute) against the SDK: a create followed by a read of what it made fails without sticky
// sessions and works with @jamf/auth's stickySession layer, which replays the APBALANCEID cookie.
let server: JamfMockServer;
beforeEach(async () => {
  server = await startJamfMockServer({ cluster: { nodes: 3, syncSeconds: 60 } });
});
afterEach(() => server.close());

function client(layers: Parameters<typeof createProClient>[0]['layers']) {
  const auth = userCredentials({ baseUrl: server.url, username: 'admin', password: 'jamf1234' });
  return { auth, pro: createProClient({ baseUrl: server.url, auth, layers }) };
}

async function createThenRead(pro: ReturnType<typeof client>['pro']): Promise<number> {
  const created = await pro.POST('/v1/categories', {
    body: { name: `Made ${Math.random()}`, priority: 5 },
  });
  expect(created.response.status).toBe(201);
  const read = await pro.GET('/v1/categories/{id}', {
    params: { path: { id: created.data?.id ?? '' } },
  });
  return read.response.status;
}

describe('a create, then a read of what it made, on a Jamf Cloud cluster', () => {
  it('lands on another node and finds nothing without sticky sessions', async () => {
    const { auth, pro } = client(undefined);
    await using _ = auth;
    expect(await createThenRead(pro)).toBe(404);
  });

  it('stays on one node and finds the object with stickySession()', async () => {
    const { auth, pro } = client([stickySession()]);
    await using _ = auth;
    for (let i = 0; i < 3; i++) expect(await createThenRead(pro)).toBe(200);
  });
});
