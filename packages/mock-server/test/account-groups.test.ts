import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock({ counts: { computers: 2, mobileDevices: 1 } });
watchContract(jamf);
const xml = new XMLParser({ parseTagValue: false });

/** A Classic call as `token` (the administrator's when omitted); JSON unless `asXml`. */
async function classic(
  method: string,
  path: string,
  body?: string,
  options: { token?: string; asXml?: boolean } = {},
): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.token ?? (await userToken(jamf))}`,
    accept: options.asXml ? 'application/xml' : 'application/json',
  };
  if (body !== undefined) headers['content-type'] = 'application/xml';
  const response = await fetch(`${jamf.baseUrl}/JSSResource${path}`, { method, headers, body });
  return { status: response.status, body: await response.text() };
}

async function status(token: string, path: string): Promise<number> {
  return (await api(jamf, token, 'GET', path)).status;
}

/** Creates a user through Classic and returns its id. */
async function user(name: string, access = 'Group Access'): Promise<number> {
  const created = await classic(
    'POST',
    '/accounts/userid/0',
    `<account><name>${name}</name><password>pw-${name}</password><access_level>${access}</access_level></account>`,
  );
  expect(created.status).toBe(201);
  return Number((xml.parse(created.body) as { account: { id: string } }).account.id);
}

/** Creates a group through Classic and returns its id. */
async function group(body: string): Promise<number> {
  const created = await classic('POST', '/accounts/groupid/0', `<group>${body}</group>`);
  expect(created.status).toBe(201);
  return Number((xml.parse(created.body) as { group: { id: string } }).group.id);
}

const readBuildings =
  '<privilege_set>Custom</privilege_set><privileges><jss_objects><privilege>Read Buildings</privilege></jss_objects></privileges>';

describe('account groups', () => {
  it('members hold their groups’ privileges, and a group change applies to their tokens at once', async () => {
    const id = await user('member');
    const token = await userToken(jamf, 'member', 'pw-member');
    // Group Access and no group yet: nothing.
    expect(await status(token, '/v1/buildings')).toBe(403);
    const groupId = await group(
      `<name>Readers</name><access_level>Full Access</access_level>${readBuildings}<members><user><id>${id}</id></user></members>`,
    );
    expect(await status(token, '/v1/buildings')).toBe(200);
    expect(await status(token, '/v1/departments')).toBe(403);
    await classic(
      'PUT',
      `/accounts/groupid/${groupId}`,
      '<group><privileges><jss_objects><privilege>Read Buildings</privilege><privilege>Read Departments</privilege></jss_objects></privileges></group>',
    );
    expect(await status(token, '/v1/departments')).toBe(200);
    await classic('PUT', `/accounts/groupid/${groupId}`, '<group><members/></group>');
    expect(await status(token, '/v1/buildings')).toBe(403);
    await classic(
      'PUT',
      `/accounts/groupid/${groupId}`,
      '<group><members><user><name>member</name></user></members></group>',
    );
    expect(await status(token, '/v1/buildings')).toBe(200);
    const deleted = await classic('DELETE', `/accounts/groupid/${groupId}`);
    expect(deleted.status).toBe(200);
    expect(await status(token, '/v1/buildings')).toBe(403);
  });

  it('an Administrator group gives its members every privilege; their own set is added to the groups’', async () => {
    const id = await user('custom', 'Full Access');
    await classic(
      'PUT',
      `/accounts/userid/${id}`,
      `<account>${readBuildings.replace('Read Buildings', 'Read Departments')}</account>`,
    );
    const token = await userToken(jamf, 'custom', 'pw-custom');
    expect(await status(token, '/v1/departments')).toBe(200);
    const groupId = await group(
      `<name>Building readers</name>${readBuildings}<members><user><id>${id}</id></user></members>`,
    );
    expect(await status(token, '/v1/departments')).toBe(200);
    expect(await status(token, '/v1/buildings')).toBe(200);
    expect(await status(token, '/v1/scripts')).toBe(403);
    await classic(
      'PUT',
      `/accounts/groupid/${groupId}`,
      '<group><privilege_set>Administrator</privilege_set></group>',
    );
    expect(await status(token, '/v1/scripts')).toBe(200);
  });

  it('reads the same group in Classic (by id and name, XML and JSON) and Pro /v1/account-groups', async () => {
    const id = await user('ada');
    const groupId = await group(
      `<name>Auditors</name><privilege_set>Auditor</privilege_set><members><user><id>${id}</id></user></members>`,
    );
    const record = JSON.parse((await classic('GET', `/accounts/groupid/${groupId}`)).body);
    expect(record.group).toMatchObject({
      id: groupId,
      name: 'Auditors',
      access_level: 'Full Access',
      privilege_set: 'Auditor',
      site: { id: -1, name: 'None' },
      members: [{ id, name: 'ada' }],
    });
    expect(record.group.privileges.jss_objects).toContain('Read Computers');
    const asXml = (await classic('GET', '/accounts/groupname/auditors', undefined, { asXml: true }))
      .body;
    expect(asXml).toContain(`<members><user><id>${id}</id><name>ada</name></user></members>`);
    expect(asXml).toMatch(/<jss_objects><privilege>Read /);
    const userRecord = JSON.parse((await classic('GET', `/accounts/userid/${id}`)).body);
    expect(userRecord.account.groups).toMatchObject([{ id: groupId, name: 'Auditors' }]);
    const list = JSON.parse((await classic('GET', '/accounts')).body);
    expect(list.accounts.groups).toEqual([{ id: groupId, name: 'Auditors' }]);

    const token = await userToken(jamf);
    const pro = (await (await api(jamf, token, 'GET', `/v1/account-groups/${groupId}`)).json()) as {
      members: unknown[];
      privileges: string[];
    };
    expect(pro).toMatchObject({
      id: String(groupId),
      name: 'Auditors',
      privilegeLevel: 'AUDITOR',
      accessLevel: 'FullAccess',
      siteId: '-1',
      members: [{ id: String(id), username: 'ada' }],
    });
    expect(pro.privileges.every((name) => name.startsWith('Read '))).toBe(true);
    const filtered = (await (
      await api(
        jamf,
        token,
        'GET',
        `/v1/account-groups?filter=${encodeURIComponent('name=="Auditors"')}`,
      )
    ).json()) as { totalCount: number };
    expect(filtered.totalCount).toBe(1);
    expect(await status(token, '/v1/account-groups/99')).toBe(404);
  });

  it('deleting a user takes it out of its groups', async () => {
    const id = await user('gone');
    const groupId = await group(`<name>Team</name><members><user><id>${id}</id></user></members>`);
    await classic('DELETE', `/accounts/userid/${id}`);
    const record = JSON.parse((await classic('GET', `/accounts/groupid/${groupId}`)).body);
    expect(record.group.members).toEqual([]);
  });

  it('refuses a duplicate name, an unknown privilege or member, and Group Access for a group (409), storing nothing', async () => {
    await group('<name>Taken</name>');
    const before = jamf.state.accounts.listGroups();
    for (const body of [
      '<name>TAKEN</name>',
      `<name>Other</name>${readBuildings.replace('Read Buildings', 'Fly Planes')}`,
      '<name>Other</name><members><user><id>999</id></user></members>',
      '<name>Other</name><access_level>Group Access</access_level>',
      '<name></name>',
    ]) {
      const refused = await classic('POST', '/accounts/groupid/0', `<group>${body}</group>`);
      expect(refused.status).toBe(409);
    }
    expect(jamf.state.accounts.listGroups()).toEqual(before);
  });
});
