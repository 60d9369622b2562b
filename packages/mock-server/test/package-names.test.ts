import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Jamf Pro keeps package names unique: a second package with a name in use is refused with
// DUPLICATE_FIELD on packageName (jamf/JamfSync#28, #31), and nothing is stored.
const jamf = setupJamfMock();
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

const pkg = (packageName: string) => ({
  packageName,
  fileName: `${packageName}.pkg`,
  categoryId: '-1',
  priority: 10,
  fillUserTemplate: false,
  uninstall: false,
  rebootRequired: false,
  osInstall: false,
  suppressUpdates: false,
  suppressFromDock: false,
  suppressEula: false,
  suppressRegistration: false,
});

async function names(): Promise<string[]> {
  const response = await api(jamf, token, 'GET', '/v1/packages?page-size=100');
  const body = (await response.json()) as { results: { packageName: string }[] };
  return body.results.map((row) => row.packageName).sort();
}

async function refusedAsDuplicate(response: Response): Promise<void> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { errors: { code: string; field: string }[] };
  expect(body.errors[0]).toMatchObject({ code: 'DUPLICATE_FIELD', field: 'packageName' });
}

describe('package names are unique', () => {
  it('refuses a create with a name in use and stores nothing', async () => {
    expect((await api(jamf, token, 'POST', '/v1/packages', pkg('Office'))).status).toBe(201);
    const before = await names();
    await refusedAsDuplicate(await api(jamf, token, 'POST', '/v1/packages', pkg('Office')));
    expect(await names()).toEqual(before);
  });

  it('refuses a rename onto another package; keeping its own name is fine', async () => {
    await api(jamf, token, 'POST', '/v1/packages', pkg('Office'));
    const created = await api(jamf, token, 'POST', '/v1/packages', pkg('Zoom'));
    const { id } = (await created.json()) as { id: string };
    const before = await names();
    await refusedAsDuplicate(await api(jamf, token, 'PUT', `/v1/packages/${id}`, pkg('Office')));
    expect(await names()).toEqual(before);
    const same = await api(jamf, token, 'PUT', `/v1/packages/${id}`, pkg('Zoom'));
    expect(same.status).toBe(200);
  });
});
