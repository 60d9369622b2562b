import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import {
  classic,
  classicJson,
  classicWrite,
  proJson,
  proMergePatch,
} from './support/patch-support.js';
import { watchContract } from './support/watch-contract.js';

// Software title configurations are one set of objects: Pro /v2 and /v3
// patch-software-title-configurations and Classic patchsoftwaretitles read and write one store.
const jamf = setupJamfMock({
  seed: 5,
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    {
      username: 'reader',
      password: 'read-only',
      privileges: ['Read Patch Management Software Titles'],
    },
  ],
});
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

type ProTitle = Record<string, unknown> & { id: string };

async function proCreate(body: unknown, version = 'v3'): Promise<string> {
  const response = await api(
    jamf,
    token,
    'POST',
    `/${version}/patch-software-title-configurations`,
    body,
  );
  expect(response.status).toBe(201);
  const created = (await response.json()) as { id: string; href: string };
  expect(created.href).toMatch(
    new RegExp(`/api/${version}/patch-software-title-configurations/${created.id}$`),
  );
  return created.id;
}

const classicTitle = (id: number | string) =>
  classicJson(jamf, token, `/patchsoftwaretitles/id/${id}`, 'patch_software_title');

describe('patch software title configurations: Pro v2/v3 and Classic patchsoftwaretitles', () => {
  it('a fresh mock has the same three titles in Pro v2, v3 and Classic', async () => {
    const v3 = await proJson<ProTitle[]>(jamf, token, '/v3/patch-software-title-configurations');
    const v2 = await proJson<ProTitle[]>(jamf, token, '/v2/patch-software-title-configurations');
    expect(v2).toEqual(v3);
    expect(v3.map((title) => title.displayName)).toEqual([
      'Google Chrome',
      'Mozilla Firefox',
      'Zoom Client for Meetings',
    ]);
    expect(v3[0]).toMatchObject({
      softwareTitleId: '1',
      softwareTitleName: 'Google Chrome',
      softwareTitleNameId: 'GoogleChrome',
      softwareTitlePublisher: 'Google',
      patchSourceName: 'Jamf',
      jamfOfficial: true,
      categoryId: '-1',
      siteId: '-1',
      packages: [],
    });
    const listed = await classicJson<unknown[]>(
      jamf,
      token,
      '/patchsoftwaretitles',
      'patch_software_titles',
    );
    expect(listed).toEqual(
      v3.map((title) => ({
        id: Number(title.id),
        name: title.displayName,
        name_id: title.softwareTitleNameId,
        source_id: 1,
      })),
    );
  });

  it('a Pro create is the title Classic shows, its packages as versions and its fields in Classic words', async () => {
    const id = await proCreate({
      displayName: 'Word (all Macs)',
      softwareTitleId: '4',
      categoryId: '1',
      uiNotifications: true,
      emailNotifications: false,
      packages: [{ packageId: '2', version: '16.90' }],
    });
    const category = await classicJson<{ name: string }>(
      jamf,
      token,
      '/categories/id/1',
      'category',
    );
    const pkg = await proJson<{ packageName: string }>(jamf, token, '/v1/packages/2');
    expect(await classicTitle(id)).toEqual({
      id: Number(id),
      name: 'Word (all Macs)',
      name_id: 'MicrosoftWord',
      source_id: 1,
      notifications: { web_notification: true, email_notification: false },
      category: { id: 1, name: category.name },
      site: { id: -1, name: 'None' },
      versions: [
        { software_version: '16.91', package: {} },
        { software_version: '16.90', package: { id: 2, name: pkg.packageName } },
        { software_version: '16.89', package: {} },
      ],
    });
    const read = await proJson<ProTitle>(
      jamf,
      token,
      `/v2/patch-software-title-configurations/${id}`,
    );
    expect(read.packages).toEqual([
      { packageId: '2', version: '16.90', displayName: pkg.packageName },
    ]);
    const asXml = await (await classic(jamf, token, `/patchsoftwaretitles/id/${id}`)).text();
    expect(asXml).toContain('<versions><version><software_version>16.91</software_version>');
  });

  it('a Classic create is read by Pro v2 and v3; a Pro merge patch is what Classic then shows', async () => {
    const id = await classicWrite(
      jamf,
      token,
      '/patchsoftwaretitles/id/0',
      '<patch_software_title><name>Firefox ESR</name><name_id>firefox</name_id><source_id>1</source_id><notifications><web_notification>true</web_notification><email_notification>true</email_notification></notifications><versions><version><software_version>133.0</software_version><package><id>1</id></package></version></versions></patch_software_title>',
    );
    const v3 = await proJson<ProTitle>(
      jamf,
      token,
      `/v3/patch-software-title-configurations/${id}`,
    );
    expect(v3).toMatchObject({
      id: String(id),
      displayName: 'Firefox ESR',
      softwareTitleId: '2',
      softwareTitleNameId: 'Firefox',
      uiNotifications: true,
      emailNotifications: true,
      packages: [{ packageId: '1', version: '133.0' }],
    });
    expect(await proJson(jamf, token, `/v2/patch-software-title-configurations/${id}`)).toEqual(v3);
    const patched = await proMergePatch(
      jamf,
      token,
      `/v2/patch-software-title-configurations/${id}`,
      {
        displayName: 'Firefox (pilot)',
        emailNotifications: false,
        packages: [],
      },
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ displayName: 'Firefox (pilot)', packages: [] });
    expect(await classicTitle(id)).toMatchObject({
      name: 'Firefox (pilot)',
      notifications: { web_notification: true, email_notification: false },
      versions: [
        { software_version: '133.0', package: {} },
        { software_version: '132.0.2', package: {} },
        { software_version: '132.0.1', package: {} },
      ],
    });
  });

  it('takes back the record it answered, a package added to a version (as PatchManager does), and keeps name_id and source_id', async () => {
    const read = await classic(jamf, token, '/patchsoftwaretitles/id/2');
    const record = await read.text();
    expect(record).toContain('<software_version>132.0.2</software_version><package></package>');
    const edited = record
      .replace(
        '<software_version>132.0.2</software_version><package></package>',
        '<software_version>132.0.2</software_version><package><id>3</id><name>whatever.pkg</name></package>',
      )
      .replace('<name_id>Firefox</name_id>', '<name_id>Slack</name_id>');
    expect(await classicWrite(jamf, token, '/patchsoftwaretitles/id/2', edited, 'PUT')).toBe(2);
    const pkg = await proJson<{ packageName: string }>(jamf, token, '/v1/packages/3');
    expect(await classicTitle(2)).toMatchObject({
      name_id: 'Firefox',
      versions: [
        { software_version: '133.0', package: {} },
        { software_version: '132.0.2', package: { id: 3, name: pkg.packageName } },
        { software_version: '132.0.1', package: {} },
      ],
    });
  });

  it("finds a version's package by name when the update gives no id, and refuses a name no package has", async () => {
    const pkg = await proJson<{ packageName: string }>(jamf, token, '/v1/packages/1');
    const body = (name: string) =>
      `<patch_software_title><versions><version><software_version>6.2.10</software_version><package><name>${name}</name></package></version></versions></patch_software_title>`;
    await classicWrite(
      jamf,
      token,
      '/patchsoftwaretitles/id/3',
      body(pkg.packageName.toUpperCase()),
      'PUT',
    );
    const read = await proJson<ProTitle>(jamf, token, '/v3/patch-software-title-configurations/3');
    expect(read.packages).toEqual([
      { packageId: '1', version: '6.2.10', displayName: pkg.packageName },
    ]);
    const refused = await classic(jamf, token, '/patchsoftwaretitles/id/3', {
      method: 'PUT',
      body: body('No such package.pkg'),
    });
    expect(refused.status).toBe(409);
  });

  it('refuses a title naming no offered title, no source, or a version the title lacks, storing nothing', async () => {
    const before = await proJson<ProTitle[]>(
      jamf,
      token,
      '/v3/patch-software-title-configurations',
    );
    const unknown = await api(jamf, token, 'POST', '/v3/patch-software-title-configurations', {
      displayName: 'Nothing',
      softwareTitleId: '999',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      errors: [{ code: 'INVALID_FIELD', field: 'softwareTitleId' }],
    });
    const badVersion = await proMergePatch(
      jamf,
      token,
      '/v3/patch-software-title-configurations/1',
      {
        packages: [{ packageId: '1', version: '1.0' }],
      },
    );
    expect(badVersion.status).toBe(400);
    for (const [body, message] of [
      [
        '<name>No source</name><name_id>Firefox</name_id><source_id>7</source_id>',
        'Invalid source_id',
      ],
      [
        '<name>No title</name><name_id>NotATitle</name_id><source_id>1</source_id>',
        'Invalid name_id',
      ],
      ['<name>Nothing named</name>', 'Problem with name_id or source_id'],
    ] as const) {
      const refused = await classic(jamf, token, '/patchsoftwaretitles/id/0', {
        method: 'POST',
        body: `<patch_software_title>${body}</patch_software_title>`,
      });
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain(message);
    }
    expect(await proJson(jamf, token, '/v3/patch-software-title-configurations')).toEqual(before);
  });

  it('a title deleted through either API is gone from both', async () => {
    const viaPro = await api(jamf, token, 'DELETE', '/v2/patch-software-title-configurations/1');
    expect(viaPro.status).toBe(204);
    expect((await classic(jamf, token, '/patchsoftwaretitles/id/1')).status).toBe(404);
    const viaClassic = await classic(jamf, token, '/patchsoftwaretitles/id/2', {
      method: 'DELETE',
    });
    expect(viaClassic.status).toBe(200);
    expect(
      (await api(jamf, token, 'GET', '/v3/patch-software-title-configurations/2')).status,
    ).toBe(404);
    expect(
      (await api(jamf, token, 'DELETE', '/v3/patch-software-title-configurations/2')).status,
    ).toBe(404);
  });

  it("lists a title's extension attributes, accepted as the configuration says, and refuses one the title lacks", async () => {
    const path = '/v3/patch-software-title-configurations/3/extension-attributes';
    const [ea] = await proJson<Record<string, unknown>[]>(jamf, token, path);
    expect(ea).toMatchObject({
      eaId: 'zoom-client-version',
      displayName: 'Zoom Client Version',
      accepted: false,
    });
    expect(Buffer.from(String(ea?.scriptContents), 'base64').toString()).toContain(
      'CFBundleVersion',
    );
    const accepted = await proMergePatch(jamf, token, '/v3/patch-software-title-configurations/3', {
      extensionAttributes: [{ eaId: 'zoom-client-version', accepted: true }],
    });
    expect(accepted.status).toBe(200);
    expect(await proJson<Record<string, unknown>[]>(jamf, token, path)).toMatchObject([
      { accepted: true },
    ]);
    expect(
      await proJson<Record<string, unknown>[]>(
        jamf,
        token,
        '/v2/patch-software-title-configurations/1/extension-attributes',
      ),
    ).toEqual([]);
    const refused = await proMergePatch(jamf, token, '/v3/patch-software-title-configurations/1', {
      extensionAttributes: [{ eaId: 'zoom-client-version', accepted: true }],
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ field: 'extensionAttributes.eaId' }] });
  });

  it('keeps one history per title: a note added through v2 is listed by v3, none below a missing title', async () => {
    const before = await proJson<{ totalCount: number }>(
      jamf,
      token,
      '/v3/patch-software-title-configurations/2/history',
    );
    const added = await api(
      jamf,
      token,
      'POST',
      '/v2/patch-software-title-configurations/2/history',
      {
        note: 'Pinned to 132.0.2 for the lab',
      },
    );
    expect(added.status).toBe(201);
    const after = await proJson<{ totalCount: number; results: { note: string }[] }>(
      jamf,
      token,
      '/v3/patch-software-title-configurations/2/history?page-size=100',
    );
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.results.map((entry) => entry.note)).toContain('Pinned to 132.0.2 for the lab');
    const missing = await api(
      jamf,
      token,
      'POST',
      '/v2/patch-software-title-configurations/99/history',
      {
        note: 'Nowhere',
      },
    );
    expect(missing.status).toBe(404);
  });

  it('lists as dependencies the smart groups whose criteria report on the title', async () => {
    const group = await classicWrite(
      jamf,
      token,
      '/computergroups/id/0',
      '<computer_group><name>Chrome behind</name><is_smart>true</is_smart><criteria><criterion><name>Patch Reporting: Google Chrome</name><priority>0</priority><and_or>and</and_or><search_type>is not</search_type><value>Latest Version</value></criterion></criteria></computer_group>',
    );
    expect(
      await proJson(jamf, token, '/v3/patch-software-title-configurations/1/dependencies'),
    ).toEqual({
      totalCount: 1,
      results: [{ smartGroupId: String(group), smartGroupName: 'Chrome behind' }],
    });
    expect(
      await proJson(jamf, token, '/v2/patch-software-title-configurations/2/dependencies'),
    ).toEqual({
      totalCount: 0,
      results: [],
    });
  });

  it('puts a title on the dashboard and takes it off (GET says which), 404 for no title', async () => {
    const path = '/v3/patch-software-title-configurations/3/dashboard';
    expect(await proJson(jamf, token, path)).toEqual({ onDashboard: false });
    expect((await api(jamf, token, 'POST', path)).status).toBe(204);
    expect(await proJson(jamf, token, path)).toEqual({ onDashboard: true });
    expect(
      await proJson(jamf, token, '/v2/patch-software-title-configurations/3/dashboard'),
    ).toEqual({
      onDashboard: true,
    });
    expect((await api(jamf, token, 'DELETE', path)).status).toBe(204);
    expect(await proJson(jamf, token, path)).toEqual({ onDashboard: false });
    const missing = await api(
      jamf,
      token,
      'GET',
      '/v3/patch-software-title-configurations/99/dashboard',
    );
    expect(missing.status).toBe(404);
  });

  it("lists a title's definitions, newest first, paged", async () => {
    const page = await proJson<{ totalCount: number; results: Record<string, unknown>[] }>(
      jamf,
      token,
      '/v3/patch-software-title-configurations/3/definitions?page-size=2',
    );
    expect(page.totalCount).toBe(3);
    expect(page.results.map((definition) => definition.version)).toEqual(['6.2.11', '6.2.10']);
    expect(page.results[0]).toMatchObject({
      absoluteOrderId: '0',
      killApps: [{ appName: 'zoom.us.app' }],
    });
  });

  it('accepts the patch management disclaimer with 202 and no body, for an account that may update titles', async () => {
    const accepted = await api(jamf, token, 'POST', '/v2/patch-management-accept-disclaimer');
    expect(accepted.status).toBe(202);
    expect(await accepted.text()).toBe('');
    const reader = await userToken(jamf, 'reader', 'read-only');
    const refused = await api(jamf, reader, 'POST', '/v2/patch-management-accept-disclaimer');
    expect(refused.status).toBe(403);
  });

  it('needs the patch title privileges in both APIs', async () => {
    const reader = await userToken(jamf, 'reader', 'read-only');
    expect((await api(jamf, reader, 'GET', '/v3/patch-software-title-configurations')).status).toBe(
      200,
    );
    expect((await classic(jamf, reader, '/patchsoftwaretitles/id/1')).status).toBe(200);
    const create = await api(jamf, reader, 'POST', '/v3/patch-software-title-configurations', {
      displayName: 'Chrome again',
      softwareTitleId: '1',
    });
    expect(create.status).toBe(403);
    const classicCreate = await classic(jamf, reader, '/patchsoftwaretitles/id/0', {
      method: 'POST',
      body: '<patch_software_title><name>x</name><name_id>Slack</name_id><source_id>1</source_id></patch_software_title>',
    });
    expect(classicCreate.status).toBe(403);
  });
});
