import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 11, counts: { computers: 12, computerGroups: 4 } });
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => name === 'criterion',
});

async function classic(
  path: string,
  init: RequestInit & { json?: boolean } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${await userToken(jamf)}`);
  if (init.json) headers.set('accept', 'application/json');
  if (typeof init.body === 'string') headers.set('content-type', 'text/xml');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
}

describe('Classic computers', () => {
  it('lists {"computers":[{id,name}]} in JSON', async () => {
    const body = (await (await classic('/computers', { json: true })).json()) as {
      computers: unknown[];
    };
    expect(body.computers).toHaveLength(12);
    expect(body.computers[0]).toEqual({ id: 1, name: 'MAC-00001' });
  });

  it('finds one computer by id, name, serial number and udid, with general, location and hardware', async () => {
    const stored = jamf.state.computers.get(4);
    if (stored === undefined) throw new Error('seeded computer 4 missing');
    const paths = [
      '/computers/id/4',
      `/computers/name/${stored.name}`,
      `/computers/serialnumber/${stored.serialNumber}`,
      `/computers/udid/${stored.udid}`,
    ];
    for (const path of paths) {
      const response = await classic(path, { json: true });
      expect(response.status).toBe(200);
      const { computer } = (await response.json()) as {
        computer: Record<string, Record<string, unknown>>;
      };
      expect(computer.general).toMatchObject({
        id: 4,
        name: stored.name,
        serial_number: stored.serialNumber,
        udid: stored.udid,
      });
      expect(computer.location?.username).toBe(stored.username);
      expect(computer.hardware?.os_version).toBe(stored.osVersion);
    }
    expect((await classic('/computers/serialnumber/NOPE')).status).toBe(404);
  });

  it('serves the same computer as XML with a <computer> root', async () => {
    const parsed = xml.parse(await (await classic('/computers/id/2')).text()) as {
      computer: { general: { id: string } };
    };
    expect(parsed.computer.general.id).toBe('2');
  });

  it('a computer renamed through Classic PUT is renamed in Pro inventory', async () => {
    const put = await classic('/computers/id/3', {
      method: 'PUT',
      body: '<computer><general><name>Classic Name</name></general></computer>',
    });
    expect(put.status).toBe(201);
    expect(jamf.state.computers.get(3)?.name).toBe('Classic Name');
  });

  it('refuses a duplicate serial number on create with 409', async () => {
    const serial = jamf.state.computers.get(1)?.serialNumber ?? '';
    const response = await classic('/computers/id/0', {
      method: 'POST',
      body: `<computer><general><name>Clone</name><serial_number>${serial}</serial_number></general></computer>`,
    });
    expect(response.status).toBe(409);
    expect(jamf.state.computers.size).toBe(12);
  });
});

describe('Classic computer groups', () => {
  it('a static group lists its members; a smart group lists criteria and the computers they match', async () => {
    const created = await classic('/computergroups/id/0', {
      method: 'POST',
      body:
        '<computer_group><name>Pinned</name><is_smart>false</is_smart>' +
        '<computers><computer><id>2</id></computer><computer><id>5</id></computer></computers></computer_group>',
    });
    expect(created.status).toBe(201);
    const id = (xml.parse(await created.text()) as { computer_group: { id: string } })
      .computer_group.id;
    const staticGroup = (await (
      await classic(`/computergroups/id/${id}`, { json: true })
    ).json()) as {
      computer_group: { is_smart: boolean; computers: { id: number }[] };
    };
    expect(staticGroup.computer_group.is_smart).toBe(false);
    expect(staticGroup.computer_group.computers.map((c) => c.id)).toEqual([2, 5]);

    const smart = await classic('/computergroups/id/0', {
      method: 'POST',
      body:
        '<computer_group><name>Named MAC-0001x</name><is_smart>true</is_smart><criteria><criterion>' +
        '<name>Computer Name</name><priority>0</priority><and_or>and</and_or><search_type>like</search_type><value>MAC-0001</value>' +
        '</criterion></criteria></computer_group>',
    });
    const smartId = (xml.parse(await smart.text()) as { computer_group: { id: string } })
      .computer_group.id;
    const smartGroup = (await (
      await classic(`/computergroups/id/${smartId}`, { json: true })
    ).json()) as {
      computer_group: {
        criteria: { name: string; search_type: string }[];
        computers: { name: string }[];
      };
    };
    expect(smartGroup.computer_group.criteria).toMatchObject([
      { name: 'Computer Name', search_type: 'like' },
    ]);
    expect(smartGroup.computer_group.computers.map((c) => c.name)).toEqual([
      'MAC-00010',
      'MAC-00011',
      'MAC-00012',
    ]);
  });

  it('refuses a static group naming a computer that does not exist', async () => {
    const response = await classic('/computergroups/id/0', {
      method: 'POST',
      body: '<computer_group><name>Ghosts</name><computers><computer><id>999</id></computer></computers></computer_group>',
    });
    expect(response.status).toBe(409);
    expect(jamf.state.computerGroups.size).toBe(4);
  });
});
