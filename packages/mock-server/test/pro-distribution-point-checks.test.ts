import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Pro `/v1/distribution-points` refuses what Classic `distributionpoints` refuses with 409: a
// name another point has, and a backup (Classic's failover point) naming no other point. Pro
// answers 400 `DUPLICATE_FIELD` / `INVALID_FIELD` as the mock's other Pro collections do, and
// stores nothing.
const jamf = setupJamfMock({ seed: 11 });
watchContract(jamf);

const point = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  serverName: `${name.toLowerCase().replaceAll(' ', '-')}.example.com`,
  fileSharingConnectionType: 'SMB',
  ...extra,
});

async function listed(token: string): Promise<unknown> {
  return (await api(jamf, token, 'GET', '/v1/distribution-points?page-size=100')).json();
}

async function created(token: string, body: Record<string, unknown>): Promise<string> {
  const response = await api(jamf, token, 'POST', '/v1/distribution-points', body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe('Pro distribution point checks', () => {
  it('refuses a second point with the same name, in any case, on create and replace', async () => {
    const token = await userToken(jamf);
    const first = await created(token, point('Berlin DP'));
    const second = await created(token, point('Paris DP'));
    const before = await listed(token);
    const duplicate = await api(jamf, token, 'POST', '/v1/distribution-points', point('berlin dp'));
    expect(duplicate.status).toBe(400);
    expect(await duplicate.json()).toMatchObject({
      httpStatus: 400,
      errors: [{ code: 'DUPLICATE_FIELD', field: 'name' }],
    });
    const renamed = await api(
      jamf,
      token,
      'PUT',
      `/v1/distribution-points/${second}`,
      point('Berlin DP'),
    );
    expect(renamed.status).toBe(400);
    expect(await listed(token)).toEqual(before);
    // Keeping its own name is no duplicate.
    const kept = await api(
      jamf,
      token,
      'PUT',
      `/v1/distribution-points/${first}`,
      point('Berlin DP'),
    );
    expect(kept.status).toBe(202);
  });

  it('refuses a backup naming no other point, and takes one that does', async () => {
    const token = await userToken(jamf);
    const main = await created(token, point('Oslo DP'));
    const before = await listed(token);
    const refused = await api(
      jamf,
      token,
      'POST',
      '/v1/distribution-points',
      point('Bergen DP', { backupDistributionPointId: '9999' }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: [{ code: 'INVALID_FIELD', field: 'backupDistributionPointId' }],
    });
    const itself = await api(jamf, token, 'PATCH', `/v1/distribution-points/${main}`, {
      backupDistributionPointId: main,
    });
    expect(itself.status).toBe(400);
    expect(await listed(token)).toEqual(before);
    const backup = await created(token, point('Bergen DP', { backupDistributionPointId: main }));
    const read = await api(jamf, token, 'GET', `/v1/distribution-points/${backup}`);
    expect(await read.json()).toMatchObject({ backupDistributionPointId: main });
    expect(
      (await created(token, point('Tromso DP', { backupDistributionPointId: '-1' }))).length,
    ).toBeGreaterThan(0);
  });

  it('takes a write that keeps the backup a point already has', async () => {
    const token = await userToken(jamf);
    // Seeded points are generated from the spec: their backups name no point.
    const { id, ...seeded } = (await (
      await api(jamf, token, 'GET', '/v1/distribution-points/1')
    ).json()) as Record<string, unknown>;
    const replaced = await api(jamf, token, 'PUT', '/v1/distribution-points/1', {
      ...seeded,
      workgroup: 'KEPT',
    });
    expect(replaced.status).toBe(202);
    expect(await replaced.json()).toMatchObject({
      id,
      workgroup: 'KEPT',
      backupDistributionPointId: seeded.backupDistributionPointId,
    });
  });
});
