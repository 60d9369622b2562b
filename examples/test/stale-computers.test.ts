/**
 * Example: testing an app with `setupJamfMock()` in vitest. The mock answers like Jamf Pro,
 * in-process, with seeded inventory; each test starts from the same state.
 */
import { authMiddleware, userCredentials } from '@jamf/auth';
import { setupJamfMock } from '@jamf/mock-server/vitest';
import { createProClient } from '@jamf/pro-api';
import { describe, expect, it } from 'vitest';
import { staleComputers } from '../app/stale-computers.js';

const jamf = setupJamfMock({ counts: { computers: 200 } });

function adminClient() {
  const provider = userCredentials({
    baseUrl: jamf.baseUrl,
    username: 'admin',
    password: 'jamf1234',
  });
  return createProClient({ baseUrl: jamf.baseUrl, middleware: [authMiddleware(provider)] });
}

describe('staleComputers', () => {
  it('returns exactly the computers whose last contact is before the cutoff', async () => {
    const all = [...jamf.state.computers.list()];
    const contacts = all.map((c) => c.lastContactTime).sort((a, b) => a - b);
    const cutoff = new Date(contacts[Math.floor(contacts.length / 2)]!);
    const expected = all.filter((c) => c.lastContactTime < cutoff.getTime());

    const stale = await staleComputers(adminClient(), cutoff);

    expect(stale.length).toBe(expected.length);
    expect(stale.length).toBeGreaterThan(0);
    expect(new Set(stale.map((c) => c.id))).toEqual(new Set(expected.map((c) => String(c.id))));
  });

  it('surfaces a server failure instead of returning a partial list', async () => {
    jamf.faults.add({ method: 'GET', path: '/api/v1/computers-inventory', status: 503, times: 10 });
    await expect(staleComputers(adminClient(), new Date())).rejects.toMatchObject({ status: 503 });
  });
});
