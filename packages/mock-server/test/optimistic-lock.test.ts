import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 3 });

type Prestage = { id: string; displayName: string; versionLock: number };

describe('optimistic locking of prestages (versionLock)', () => {
  it('takes the current versionLock, bumps it by one, and refuses the stale one with 409 OPTIMISTIC_LOCK_FAILED', async () => {
    const token = await userToken(jamf);
    const current = (await (
      await api(jamf, token, 'GET', '/v3/computer-prestages/1')
    ).json()) as Prestage;
    const first = await api(jamf, token, 'PUT', '/v3/computer-prestages/1', {
      ...current,
      displayName: 'Lab prestage',
    });
    expect(first.status).toBe(200);
    expect(((await first.json()) as Prestage).versionLock).toBe(current.versionLock + 1);

    const stale = await api(jamf, token, 'PUT', '/v3/computer-prestages/1', {
      ...current,
      displayName: 'Overwritten',
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({
      httpStatus: 409,
      errors: [{ code: 'OPTIMISTIC_LOCK_FAILED', field: '', description: 'Conflict', id: '0' }],
    });
    const after = (await (
      await api(jamf, token, 'GET', '/v3/computer-prestages/1')
    ).json()) as Prestage;
    expect(after.displayName).toBe('Lab prestage');
    expect(after.versionLock).toBe(current.versionLock + 1);
  });

  it('locks mobile device prestages the same way', async () => {
    const token = await userToken(jamf);
    const current = (await (
      await api(jamf, token, 'GET', '/v2/mobile-device-prestages/1')
    ).json()) as Prestage;
    const stale = { ...current, versionLock: current.versionLock + 5 };
    expect((await api(jamf, token, 'PUT', '/v2/mobile-device-prestages/1', stale)).status).toBe(
      409,
    );
    expect((await api(jamf, token, 'PUT', '/v2/mobile-device-prestages/1', current)).status).toBe(
      200,
    );
  });
});
