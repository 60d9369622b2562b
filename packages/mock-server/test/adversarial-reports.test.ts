import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// Hostile input to the CSV exports and Classic's inventory reports: each answer is Jamf-shaped,
// bounded in work, and shows nothing of the mock's JavaScript.
const TODAY = Date.UTC(2026, 5, 15, 12);
const jamf = setupJamfMock({
  seed: 7,
  now: () => TODAY,
  counts: { computers: 6, mobileDevices: 0, policies: 0, computerGroups: 0 },
});

async function call(method: string, path: string, accept = 'application/json'): Promise<Response> {
  return fetch(`${jamf.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${await userToken(jamf)}`, accept },
  });
}

describe('CSV exports', () => {
  it('leave blank a column whose field is no field of the row (constructor, __proto__, toString)', async () => {
    const fields = ['name', 'constructor', '__proto__', '__proto__.toString', 'name.length'];
    const response = await call(
      'POST',
      `/api/v1/buildings/export?export-fields=${fields.join(',')}&page-size=1&sort=id:asc`,
    );
    expect(response.status).toBe(200);
    const [heading, row] = (await response.text()).split('\r\n');
    expect(heading).toBe(fields.join(','));
    expect(row?.split(',').slice(1)).toEqual(['', '', '', '']);
    expect(row).not.toContain('native code');
  });
});

describe('GET /JSSResource/computerapplications/application/{application}', () => {
  // A backtracking regular expression took minutes for sixteen stars before a letter no
  // name ends in, blocking every other request; the test's timeout is the guard.
  it('matches a pattern of many stars at once, and stars still match any run', async () => {
    const none = await call(
      'GET',
      `/JSSResource/computerapplications/application/${'*'.repeat(16)}Z`,
    );
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({
      computer_applications: { unique_computers: [], versions: [] },
    });
    const stars = await call(
      'GET',
      `/JSSResource/computerapplications/application/**s*a**f*${'*'.repeat(5)}.APP`,
    );
    const safari = await call('GET', '/JSSResource/computerapplications/application/Safari.app');
    expect(stars.status).toBe(200);
    expect(await stars.json()).toEqual(await safari.json());
    const partial = await call('GET', '/JSSResource/computerapplications/application/Saf*i*pp*');
    expect(await partial.json()).toEqual(
      await (await call('GET', '/JSSResource/computerapplications/application/Safari.app')).json(),
    );
    const overlap = await call('GET', '/JSSResource/computerapplications/application/Safari.app*p');
    expect(await overlap.json()).toEqual({
      computer_applications: { unique_computers: [], versions: [] },
    });
  });
});

describe('Classic date-range reports', () => {
  it('take the widest range of real dates, 0001-01-01 included, and answer the days the computer existed', async () => {
    for (const report of ['computerapplicationusage', 'computerhardwaresoftwarereports']) {
      const wide = await call('GET', `/JSSResource/${report}/id/1/0001-01-01_9999-12-31`);
      const recent = await call('GET', `/JSSResource/${report}/id/1/1970-01-01_2026-12-31`);
      expect(wide.status, report).toBe(200);
      expect(await wide.json()).toEqual(await recent.json());
    }
  });
});

describe('the matches regex criterion', () => {
  it('holds for no computer when its pattern is too large to compile, as for a bad one, never a 500', async () => {
    const token = await userToken(jamf);
    const searchOf = async (value: string) => {
      const created = await fetch(`${jamf.baseUrl}/JSSResource/advancedcomputersearches/id/0`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
        body: `<advanced_computer_search><name>regex ${value.length}</name><criteria><size>1</size><criterion><name>Application Title</name><priority>0</priority><and_or>and</and_or><search_type>matches regex</search_type><value>${value}</value></criterion></criteria></advanced_computer_search>`,
      });
      expect(created.status).toBe(201);
      const id = /<id>(\d+)<\/id>/.exec(await created.text())?.[1];
      const read = await call('GET', `/JSSResource/advancedcomputersearches/id/${id}`);
      expect(read.status).toBe(200);
      const body = (await read.json()) as { advanced_computer_search: { computers: unknown[] } };
      return body.advanced_computer_search.computers.length;
    };
    expect(await searchOf('x'.repeat(100_000))).toBe(0);
    expect(await searchOf('(')).toBe(0);
    expect(await searchOf('^safari')).toBeGreaterThan(0);
    expect(jamf.internalErrors).toEqual([]);
  });
});

describe('inventory fields named in a report', () => {
  it('become element names the XML answer can hold, whatever characters they have', async () => {
    const fields = ['a<b', '1x', 'x&y', '"q"', 'Model (Identifier)'];
    const path = `/JSSResource/computerapplications/application/Safari.app/inventory/${fields.map(encodeURIComponent).join(',')}`;
    const response = await call('GET', path, 'application/xml');
    expect(response.status).toBe(200);
    const text = await response.text();
    const { XMLValidator } = await import('fast-xml-parser');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain('<Model__Identifier_>');
  });
});
