import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';
import { proJson } from './support/patch-support.js';
import { watchContract } from './support/watch-contract.js';

// A title's patch report exported as CSV or tab-separated text: the rows patch-report answers.
const jamf = setupJamfMock({ seed: 21, counts: { computers: 40 } });
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

type Page = { totalCount: number; results: Record<string, string | null>[] };

function exportReport(path: string, accept = 'text/csv'): Promise<Response> {
  return fetch(`${jamf.baseUrl}/api${path}`, {
    headers: { authorization: `Bearer ${token}`, accept },
  });
}

/** The lines of a text export, its cells split by `separator`. */
async function cells(response: Response, separator: string): Promise<string[][]> {
  const text = await response.text();
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(separator));
}

describe('patch report export', () => {
  it('writes the patch-report rows as CSV in the columns asked for, in their order', async () => {
    const report = await proJson<Page>(
      jamf,
      token,
      '/v3/patch-software-title-configurations/1/patch-report?page-size=1000',
    );
    expect(report.totalCount).toBeGreaterThan(1);
    const response = await exportReport(
      '/v3/patch-software-title-configurations/1/export-report?columns-to-export=version&columns-to-export=computerName&columns-to-export=lastCheckIn',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = await cells(response, ',');
    expect(lines[0]).toEqual(['version', 'computerName', 'lastCheckIn']);
    expect(lines.slice(1)).toEqual(
      report.results.map((row) => [row.version, row.computerName, row.lastCheckIn]),
    );
  });

  it('pages, sorts and filters as patch-report does, and /v2 has lastContactTime', async () => {
    const query = 'filter=version%3D%3D131.0.6778.86&sort=deviceId:desc&page-size=2&page=0';
    const report = await proJson<Page>(
      jamf,
      token,
      `/v2/patch-software-title-configurations/1/patch-report?${query}`,
    );
    expect(report.results.length).toBeGreaterThan(0);
    const response = await exportReport(
      `/v2/patch-software-title-configurations/1/export-report?${query}&columns-to-export=deviceId,version,lastContactTime`,
    );
    const lines = await cells(response, ',');
    expect(lines).toEqual([
      ['deviceId', 'version', 'lastContactTime'],
      ...report.results.map((row) => [row.deviceId, row.version, row.lastContactTime]),
    ]);
  });

  it('answers tab-separated text when Accept prefers text/tab', async () => {
    const path =
      '/v3/patch-software-title-configurations/2/export-report?columns-to-export=computerName,version';
    const tab = await exportReport(path, 'text/tab');
    expect(tab.status).toBe(200);
    expect(tab.headers.get('content-type')).toMatch(/^text\/tab/);
    const lines = await cells(tab, '\t');
    expect(lines[0]).toEqual(['computerName', 'version']);
    expect(lines.length).toBeGreaterThan(1);
    const preferred = await exportReport(path, 'text/csv;q=0.5, text/tab');
    expect(preferred.headers.get('content-type')).toMatch(/^text\/tab/);
    const either = await exportReport(path, '*/*');
    expect(either.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await either.text()).toBe(`${lines.map((line) => line.join(',')).join('\r\n')}\r\n`);
  });

  it('refuses a column the report does not have, and an unknown title is 404', async () => {
    const wrongVersion = await exportReport(
      '/v3/patch-software-title-configurations/1/export-report?columns-to-export=computerName,lastContactTime',
    );
    expect(wrongVersion.status).toBe(400);
    expect(await wrongVersion.json()).toMatchObject({
      errors: [{ code: 'INVALID_FIELD', field: 'columns-to-export' }],
    });
    const missing = await exportReport(
      '/v3/patch-software-title-configurations/99/export-report?columns-to-export=computerName',
    );
    expect(missing.status).toBe(404);
    const badSort = await exportReport(
      '/v3/patch-software-title-configurations/1/export-report?columns-to-export=computerName&sort=nope:asc',
    );
    expect(badSort.status).toBe(400);
  });
});
