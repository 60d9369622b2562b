import { inspect } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, basic, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock({ counts: { computers: 3, mobileDevices: 2 } });
watchContract(jamf);
const xml = new XMLParser({ parseTagValue: false });
const SECRET = 'S3cret-never-shown';

/** Every answer body read in a test, searched for the password at the end. */
const bodies: string[] = [];

async function text(response: Response): Promise<string> {
  const body = await response.text();
  bodies.push(body);
  return body;
}

async function admin(): Promise<string> {
  return userToken(jamf);
}

/** A Classic call as `token` (the administrator's when omitted). */
async function classic(
  method: string,
  path: string,
  body?: string,
  token?: string,
): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token ?? (await admin())}`,
    accept: 'application/json',
  };
  if (body !== undefined) headers['content-type'] = 'application/xml';
  const response = await fetch(`${jamf.baseUrl}/JSSResource${path}`, { method, headers, body });
  return { status: response.status, body: await text(response) };
}

/** A Pro call as `token` (the administrator's when omitted), its body read. */
async function pro(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await api(jamf, token ?? (await admin()), method, path, body);
  const raw = await text(response);
  return { status: response.status, json: raw === '' ? {} : JSON.parse(raw) };
}

async function tokenFor(username: string, password = SECRET): Promise<Response> {
  const response = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: basic(username, password) },
  });
  bodies.push(await response.clone().text());
  return response;
}

async function login(username: string, password = SECRET): Promise<string> {
  const response = await tokenFor(username, password);
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

function accountXml(fields: string): string {
  return `<account>${fields}</account>`;
}

async function createClassic(fields: string): Promise<number> {
  const created = await classic('POST', '/accounts/userid/0', accountXml(fields));
  expect(created.status).toBe(201);
  const id = (xml.parse(created.body) as { account: { id: string } }).account.id;
  return Number(id);
}

describe('user accounts through the API', () => {
  it('a custom account created in Classic logs in, gets 403 for what it lacks, and a Pro PUT grants it at once', async () => {
    const id = await createClassic(
      `<name>reader</name><password>${SECRET}</password><enabled>Enabled</enabled>` +
        '<access_level>Full Access</access_level><privilege_set>Custom</privilege_set>' +
        '<privileges><jss_objects><privilege>Read Buildings</privilege></jss_objects></privileges>',
    );
    const token = await login('reader');
    expect((await pro('GET', '/v1/buildings', undefined, token)).status).toBe(200);
    expect((await pro('GET', '/v1/computers-inventory', undefined, token)).status).toBe(403);
    expect((await classic('GET', '/computers', undefined, token)).status).toBe(403);

    const granted = await pro('PUT', `/v1/accounts/${id}`, { privilegeLevel: 'AUDITOR' });
    expect(granted.status).toBe(200);
    expect(granted.json).toMatchObject({
      id: String(id),
      username: 'reader',
      privilegeLevel: 'AUDITOR',
    });
    // The same token, no new login.
    expect((await pro('GET', '/v1/computers-inventory', undefined, token)).status).toBe(200);
    expect((await classic('GET', '/computers', undefined, token)).status).toBe(200);
  });

  it('a Classic PUT of a custom privilege list applies to live tokens at once', async () => {
    const id = await createClassic(
      `<name>custom</name><password>${SECRET}</password><privilege_set>Custom</privilege_set>`,
    );
    const token = await login('custom');
    expect((await pro('GET', '/v1/departments', undefined, token)).status).toBe(403);
    const put = await classic(
      'PUT',
      `/accounts/userid/${id}`,
      accountXml(
        '<privileges><jss_objects><privilege>Read Departments</privilege></jss_objects></privileges>',
      ),
    );
    expect(put.status).toBe(201);
    expect((await pro('GET', '/v1/departments', undefined, token)).status).toBe(200);
    const current = await pro('GET', '/v1/auth', undefined, token);
    expect(current.json).toMatchObject({
      account: { privilegesBySite: { '-1': ['Read Departments'] } },
    });
  });

  it('an account created in Pro reads the same in Classic: id, name, set and privileges', async () => {
    const created = await pro('POST', '/v1/accounts', {
      username: 'auditor',
      realname: 'Ada Auditor',
      email: 'ada@example.test',
      plainPassword: SECRET,
      privilegeLevel: 'AUDITOR',
      accessLevel: 'FullAccess',
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      username: 'auditor',
      realname: 'Ada Auditor',
      privilegeLevel: 'AUDITOR',
      accountStatus: 'Enabled',
      accessLevel: 'FullAccess',
    });
    expect(created.json).not.toHaveProperty('plainPassword');
    const id = Number(created.json.id);
    const record = await classic('GET', `/accounts/userid/${id}`);
    expect(record.status).toBe(200);
    const account = (JSON.parse(record.body) as { account: Record<string, unknown> }).account;
    expect(account).toMatchObject({
      id,
      name: 'auditor',
      full_name: 'Ada Auditor',
      email_address: 'ada@example.test',
      enabled: 'Enabled',
      privilege_set: 'Auditor',
      access_level: 'Full Access',
    });
    const privileges = account.privileges as Record<string, string[]>;
    const listed = Object.values(privileges).flat();
    expect(listed).toContain('Read Computers');
    expect(listed.every((name) => name.startsWith('Read '))).toBe(true);
    expect(privileges.jss_objects).toContain('Read Computers');
    expect(privileges.jss_settings).toContain('Read Activation Code');
    const byName = await classic('GET', '/accounts/username/AUDITOR');
    expect(JSON.parse(byName.body)).toMatchObject({ account: { id } });
    const list = await classic('GET', '/accounts');
    expect(JSON.parse(list.body).accounts.users).toContainEqual({ id, name: 'auditor' });
  });

  it('an auditor reads everything and writes nothing, in both APIs', async () => {
    await pro('POST', '/v1/accounts', {
      username: 'looker',
      plainPassword: SECRET,
      privilegeLevel: 'AUDITOR',
    });
    const token = await login('looker');
    expect((await pro('GET', '/v1/accounts', undefined, token)).status).toBe(200);
    expect((await pro('GET', '/v1/computers-inventory', undefined, token)).status).toBe(200);
    expect((await classic('GET', '/accounts', undefined, token)).status).toBe(200);
    const before = jamf.state.buildings.size;
    expect((await pro('POST', '/v1/buildings', { name: 'Nope' }, token)).status).toBe(403);
    expect(
      (await classic('POST', '/buildings/id/0', '<building><name>Nope</name></building>', token))
        .status,
    ).toBe(403);
    expect(jamf.state.buildings.size).toBe(before);
    expect(
      (await pro('POST', '/v1/accounts', { username: 'x', plainPassword: 'y' }, token)).status,
    ).toBe(403);
  });

  it('an administrator made in Classic lists every privilege in its record and holds them all', async () => {
    const id = await createClassic(
      `<name>boss</name><password>${SECRET}</password><privilege_set>Administrator</privilege_set>`,
    );
    const record = JSON.parse((await classic('GET', `/accounts/userid/${id}`)).body);
    const listed = Object.values(record.account.privileges as Record<string, string[]>).flat();
    expect(listed).toContain('Create Accounts');
    expect(listed).toContain('Send Computer Remote Lock Command');
    expect(record.account.privileges.jss_actions).toContain('Send Computer Remote Lock Command');
    const token = await login('boss');
    expect((await pro('POST', '/v1/buildings', { name: 'Boss building' }, token)).status).toBe(201);
  });

  it('Enrollment Only holds the enrollment privileges Jamf documents, nothing else', async () => {
    await pro('POST', '/v1/accounts', {
      username: 'enroller',
      plainPassword: SECRET,
      privilegeLevel: 'ENROLLMENT',
    });
    const token = await login('enroller');
    expect((await pro('GET', '/v1/computers-inventory', undefined, token)).status).toBe(200);
    expect((await pro('GET', '/v1/buildings', undefined, token)).status).toBe(403);
  });

  it('a disabled account cannot log in, and disabling it ends its tokens', async () => {
    const created = await pro('POST', '/v1/accounts', {
      username: 'leaver',
      plainPassword: SECRET,
      privilegeLevel: 'AUDITOR',
    });
    const token = await login('leaver');
    const disabled = await pro('PUT', `/v1/accounts/${created.json.id}`, {
      accountStatus: 'Disabled',
    });
    expect(disabled.json).toMatchObject({ accountStatus: 'Disabled' });
    expect((await tokenFor('leaver')).status).toBe(401);
    expect((await pro('GET', '/v1/buildings', undefined, token)).status).toBe(401);
    await classic(
      'PUT',
      `/accounts/userid/${created.json.id}`,
      accountXml('<enabled>Enabled</enabled>'),
    );
    expect((await tokenFor('leaver')).status).toBe(200);
    await classic(
      'PUT',
      `/accounts/userid/${created.json.id}`,
      accountXml('<enabled>Disabled</enabled>'),
    );
    expect((await tokenFor('leaver')).status).toBe(401);
  });

  it('deleting an account (either API) makes its tokens 401, and a new account of the same name does not inherit them', async () => {
    const created = await pro('POST', '/v1/accounts', {
      username: 'temp',
      plainPassword: SECRET,
      privilegeLevel: 'ADMINISTRATOR',
    });
    const token = await login('temp');
    expect((await pro('DELETE', `/v1/accounts/${created.json.id}`)).status).toBe(204);
    expect((await pro('GET', '/v1/buildings', undefined, token)).status).toBe(401);
    expect((await pro('GET', `/v1/accounts/${created.json.id}`)).status).toBe(404);
    await pro('POST', '/v1/accounts', { username: 'temp', plainPassword: 'other-password' });
    expect((await pro('GET', '/v1/buildings', undefined, token)).status).toBe(401);
    expect((await tokenFor('temp')).status).toBe(401);

    const id = await createClassic(`<name>temp2</name><password>${SECRET}</password>`);
    const second = await login('temp2');
    const deleted = await classic('DELETE', `/accounts/userid/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><account><id>${id}</id></account>`,
    );
    expect((await classic('GET', '/accounts', undefined, second)).status).toBe(401);
    expect((await classic('GET', `/accounts/userid/${id}`)).status).toBe(404);
  });

  it('renaming an account ends its tokens, even once another account takes the old name; the password stays', async () => {
    const created = await pro('POST', '/v1/accounts', {
      username: 'before',
      plainPassword: SECRET,
      privilegeLevel: 'AUDITOR',
    });
    const token = await login('before');
    await pro('PUT', `/v1/accounts/${created.json.id}`, { username: 'after' });
    expect((await pro('GET', '/v1/buildings', undefined, token)).status).toBe(401);
    expect((await tokenFor('before')).status).toBe(401);
    await login('after');
    // A new account that takes the old name does not inherit the old tokens.
    await pro('POST', '/v1/accounts', { username: 'before', plainPassword: 'x' });
    expect((await pro('GET', '/v1/buildings', undefined, token)).status).toBe(401);
  });

  it('refuses duplicate usernames (Classic 409, Pro 400 DUPLICATE_FIELD), in any case, storing nothing', async () => {
    await createClassic(`<name>taken</name><password>${SECRET}</password>`);
    const count = jamf.state.accounts.list().length;
    const classicDuplicate = await classic(
      'POST',
      '/accounts/userid/0',
      accountXml('<name>TAKEN</name><password>x</password>'),
    );
    expect(classicDuplicate.status).toBe(409);
    expect(classicDuplicate.body).toContain('Error: Duplicate name');
    const proDuplicate = await pro('POST', '/v1/accounts', {
      username: 'taken',
      plainPassword: 'x',
    });
    expect(proDuplicate.status).toBe(400);
    expect(proDuplicate.json).toMatchObject({
      httpStatus: 400,
      errors: [{ code: 'DUPLICATE_FIELD', field: 'username' }],
    });
    expect(jamf.state.accounts.list()).toHaveLength(count);
    // A rename onto another account's name is refused too, and changes nothing.
    const other = await pro('POST', '/v1/accounts', { username: 'other', plainPassword: 'x' });
    const rename = await pro('PUT', `/v1/accounts/${other.json.id}`, { username: 'Taken' });
    expect(rename.status).toBe(400);
    expect((await pro('GET', `/v1/accounts/${other.json.id}`)).json).toMatchObject({
      username: 'other',
    });
  });

  it('refuses unknown privilege names with Classic 409, and bad Pro values with 400, storing nothing', async () => {
    const id = await createClassic(
      `<name>careful</name><password>${SECRET}</password><privilege_set>Custom</privilege_set>` +
        '<privileges><jss_objects><privilege>Read Buildings</privilege></jss_objects></privileges>',
    );
    const before = jamf.state.accounts.list();
    const created = await classic(
      'POST',
      '/accounts/userid/0',
      accountXml(
        '<name>nope</name><privilege_set>Custom</privilege_set>' +
          '<privileges><jss_actions><privilege>Fly Planes</privilege></jss_actions></privileges>',
      ),
    );
    expect(created.status).toBe(409);
    expect(created.body).toContain('Error: Unknown privilege: Fly Planes');
    const updated = await classic(
      'PUT',
      `/accounts/userid/${id}`,
      accountXml(
        '<privileges><jss_objects><privilege>Read Buildings</privilege><privilege>Read Everything</privilege></jss_objects></privileges>',
      ),
    );
    expect(updated.status).toBe(409);
    expect(
      (
        await classic(
          'POST',
          '/accounts/userid/0',
          accountXml('<name>x</name><privilege_set>Boss</privilege_set>'),
        )
      ).status,
    ).toBe(409);
    expect(
      (await pro('POST', '/v1/accounts', { username: 'y', privilegeLevel: 'BOSS' })).status,
    ).toBe(400);
    expect((await pro('POST', '/v1/accounts', { plainPassword: 'x' })).status).toBe(400);
    expect(jamf.state.accounts.list()).toEqual(before);
  });

  it('lists Pro accounts with paging, sort (username:asc by default) and RSQL filter', async () => {
    for (const username of ['zed', 'amy', 'kim']) {
      await pro('POST', '/v1/accounts', {
        username,
        plainPassword: 'x',
        privilegeLevel: 'AUDITOR',
      });
    }
    await pro('POST', '/v1/accounts', { username: 'off', accountStatus: 'Disabled' });
    const all = await pro('GET', '/v1/accounts');
    expect((all.json.results as { username: string }[]).map((row) => row.username)).toEqual([
      'admin',
      'amy',
      'kim',
      'off',
      'zed',
    ]);
    const page = await pro('GET', '/v1/accounts?page=1&page-size=2&sort=username:desc');
    expect(page.json.totalCount).toBe(5);
    expect((page.json.results as { username: string }[]).map((row) => row.username)).toEqual([
      'kim',
      'amy',
    ]);
    const auditors = await pro(
      'GET',
      `/v1/accounts?filter=${encodeURIComponent('privilegeLevel==AUDITOR and accountStatus==Enabled')}`,
    );
    expect((auditors.json.results as { username: string }[]).map((row) => row.username)).toEqual([
      'amy',
      'kim',
      'zed',
    ]);
    expect((await pro('GET', '/v1/accounts?filter=plainPassword==x')).status).toBe(400);
  });

  it('keeps the accounts option working: the seeded admin is account 1 in both views', async () => {
    expect((await pro('GET', '/v1/accounts/1')).json).toMatchObject({
      id: '1',
      username: 'admin',
      privilegeLevel: 'ADMINISTRATOR',
    });
    expect(JSON.parse((await classic('GET', '/accounts/userid/1')).body)).toMatchObject({
      account: { name: 'admin', privilege_set: 'Administrator' },
    });
  });

  it('never shows a password: not in any answer, nor in inspect or JSON of the state', async () => {
    await createClassic(`<name>secretive</name><password>${SECRET}</password>`);
    const created = await pro('POST', '/v1/accounts', { username: 'hush', plainPassword: SECRET });
    await pro('PUT', `/v1/accounts/${created.json.id}`, { plainPassword: SECRET });
    await classic('GET', '/accounts/username/secretive');
    await pro('GET', '/v1/accounts');
    await login('hush');
    const views = [
      ...bodies,
      inspect(jamf.state.accounts, { depth: 10, showHidden: true }),
      JSON.stringify(jamf.state.accounts),
      JSON.stringify(jamf.state.accounts.list()),
    ];
    expect(bodies.length).toBeGreaterThan(4);
    for (const view of views) {
      expect(view).not.toContain(SECRET);
      expect(view).not.toContain('password_sha256');
    }
  });

  it('a password set through either API is the one that logs in', async () => {
    const created = await pro('POST', '/v1/accounts', {
      username: 'pw',
      plainPassword: 'first-one',
    });
    await login('pw', 'first-one');
    await pro('PUT', `/v1/accounts/${created.json.id}`, { plainPassword: 'second-one' });
    expect((await tokenFor('pw', 'first-one')).status).toBe(401);
    await login('pw', 'second-one');
    await classic(
      'PUT',
      `/accounts/userid/${created.json.id}`,
      accountXml('<password>third-one</password>'),
    );
    await login('pw', 'third-one');
    expect((await pro('GET', `/v1/accounts/${created.json.id}`)).json.lastPasswordChange).toMatch(
      /^\d{4}-\d\d-\d\dT/,
    );
  });
});
