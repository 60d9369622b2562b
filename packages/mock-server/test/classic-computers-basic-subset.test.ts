import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 3, counts: { computers: 4 } });

async function classicGet(path: string, accept?: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${await userToken(jamf)}` };
  if (accept !== undefined) headers.accept = accept;
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { headers });
}

describe('GET /JSSResource/computers/subset/basic', () => {
  it('lists every computer with the basic fields ruby-jss and jamf-pro-sdk-python read', async () => {
    const response = await classicGet('/computers/subset/basic', 'application/json');
    expect(response.status).toBe(200);
    const { computers } = (await response.json()) as { computers: Record<string, unknown>[] };
    expect(computers).toHaveLength(4);
    const first = jamf.state.computers.get(1);
    expect(computers[0]).toEqual({
      id: 1,
      name: first?.name,
      managed: first?.isManaged,
      username: first?.username,
      model: first?.model,
      department: jamf.state.departments.get(first?.departmentId ?? 0)?.name ?? '',
      building: jamf.state.buildings.get(first?.buildingId ?? 0)?.name ?? '',
      mac_address: first?.macAddress,
      udid: first?.udid,
      serial_number: first?.serialNumber,
      report_date_utc: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
      report_date_epoch: first?.reportDate,
    });
  });

  it('answers XML by default and needs Read Computers', async () => {
    const asXml = await classicGet('/computers/subset/basic');
    expect(asXml.headers.get('content-type')).toMatch(/^text\/xml/);
    const parsed = new XMLParser({ parseTagValue: false }).parse(await asXml.text()) as {
      computers: { size: string; computer: { serial_number: string }[] };
    };
    expect(parsed.computers.size).toBe('4');
    expect(parsed.computers.computer[1]?.serial_number).toBe(
      jamf.state.computers.get(2)?.serialNumber,
    );
    jamf.state.accounts.add({ username: 'nobody', password: 'pw', privileges: ['Read Buildings'] });
    const refused = await fetch(`${jamf.baseUrl}/JSSResource/computers/subset/basic`, {
      headers: { authorization: `Bearer ${await userToken(jamf, 'nobody', 'pw')}` },
    });
    expect(refused.status).toBe(403);
  });
});
