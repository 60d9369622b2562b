import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { classic, classicJson, proJson } from './support/patch-support.js';
import { watchContract } from './support/watch-contract.js';

// Patch reports count the mock's computers whose inventory lists the title's app, the same in
// Classic patchreports and in Pro's patch report and summaries.
const jamf = setupJamfMock({ seed: 21, counts: { computers: 40 } });
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

type ClassicReport = {
  name: string;
  patch_software_title_id: string;
  total_computers: number;
  total_versions: number;
  versions: { software_version: string; computers: { id: number; name: string }[] }[];
};
type Page = { totalCount: number; results: Record<string, unknown>[] };

/** Which computers have an app and at which version, as Classic computerapplications reports it. */
async function inventory(app: string): Promise<Map<number, string>> {
  const report = await classicJson<{
    versions: { number: string; computers: { id: number }[] }[];
  }>(
    jamf,
    token,
    `/computerapplications/application/${encodeURIComponent(app)}`,
    'computer_applications',
  );
  const installed = new Map<number, string>();
  for (const version of report.versions)
    for (const computer of version.computers) installed.set(computer.id, version.number);
  return installed;
}

const report = (path: string) => classicJson<ClassicReport>(jamf, token, path, 'patch_report');

describe('patch reports from the inventory', () => {
  it("Classic's report lists, by version, the computers whose inventory has the title's app", async () => {
    const installed = await inventory('Google Chrome.app');
    expect(installed.size).toBeGreaterThan(0);
    const chrome = await report('/patchreports/patchsoftwaretitleid/1');
    expect(chrome).toMatchObject({ name: 'Google Chrome', patch_software_title_id: '1' });
    expect(chrome.total_computers).toBe(installed.size);
    expect(chrome.versions.map((entry) => entry.software_version)).toEqual([
      '131.0.6778.86',
      '131.0.6778.70',
      '130.0.6723.117',
    ]);
    expect(chrome.total_versions).toBe(3);
    for (const entry of chrome.versions)
      for (const computer of entry.computers)
        expect(installed.get(computer.id)).toBe(entry.software_version);
    const latest = await report('/patchreports/patchsoftwaretitleid/1/version/131.0.6778.86');
    expect(latest.versions).toEqual([chrome.versions[0]]);
    expect(latest.total_computers).toBe(chrome.versions[0]?.computers.length);
    const asXml = await (await classic(jamf, token, '/patchreports/patchsoftwaretitleid/1')).text();
    expect(asXml).toContain(
      '<versions><version><software_version>131.0.6778.86</software_version><computers><size>',
    );
  });

  it('counts a version the title does not define as Unknown, in both APIs', async () => {
    // The seeded titles and their apps: at least one has computers on a version it does not define.
    const titles = [
      [1, 'Google Chrome.app'],
      [2, 'Firefox.app'],
      [3, 'zoom.us.app'],
    ] as const;
    let unknownSeen = 0;
    for (const [id, app] of titles) {
      const installed = await inventory(app);
      const definitions = await proJson<{ results: { version: string }[] }>(
        jamf,
        token,
        `/v3/patch-software-title-configurations/${id}/definitions`,
      );
      const defined = new Set(definitions.results.map((definition) => definition.version));
      const unknown = [...installed.values()].filter((version) => !defined.has(version)).length;
      unknownSeen += unknown;
      const classicReport = await report(`/patchreports/patchsoftwaretitleid/${id}`);
      const versions = await proJson<{ version: string; onVersion: number }[]>(
        jamf,
        token,
        `/v3/patch-software-title-configurations/${id}/patch-summary/versions`,
      );
      const last = classicReport.versions.at(-1);
      if (unknown === 0) {
        expect(last?.software_version).not.toBe('Unknown');
        expect(versions.map((entry) => entry.version)).not.toContain('Unknown');
      } else {
        expect(last).toMatchObject({ software_version: 'Unknown' });
        expect(last?.computers).toHaveLength(unknown);
        expect(versions.at(-1)).toEqual({
          absoluteOrderId: String(versions.length - 1),
          version: 'Unknown',
          onVersion: unknown,
        });
      }
    }
    expect(unknownSeen).toBeGreaterThan(0);
  });

  it("Pro's report, summary and version counts agree with Classic's report", async () => {
    const classicReport = await report('/patchreports/patchsoftwaretitleid/2');
    const summary = await proJson(
      jamf,
      token,
      '/v3/patch-software-title-configurations/2/patch-summary',
    );
    const onLatest = classicReport.versions[0]?.computers.length ?? 0;
    expect(summary).toEqual({
      softwareTitleId: '2',
      softwareTitleConfigurationId: '2',
      title: 'Mozilla Firefox',
      latestVersion: '133.0',
      releaseDate: '2026-11-26T00:00:00Z',
      upToDate: onLatest,
      outOfDate: classicReport.total_computers - onLatest,
      onDashboard: false,
    });
    const versions = await proJson<{ version: string; onVersion: number }[]>(
      jamf,
      token,
      '/v2/patch-software-title-configurations/2/patch-summary/versions',
    );
    expect(versions.map(({ version, onVersion }) => [version, onVersion])).toEqual(
      classicReport.versions.map((entry) => [entry.software_version, entry.computers.length]),
    );
    const page = await proJson<Page>(
      jamf,
      token,
      `/v3/patch-software-title-configurations/2/patch-report?page-size=100`,
    );
    expect(page.totalCount).toBe(classicReport.total_computers);
    const names = page.results.map((row) => String(row.computerName));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const filtered = await proJson<Page>(
      jamf,
      token,
      '/v2/patch-software-title-configurations/2/patch-report?filter=version==133.0',
    );
    expect(filtered.totalCount).toBe(onLatest);
    expect(filtered.results[0]).toHaveProperty('lastContactTime');
  });

  it("reads version Latest as the newest version and Unknown as the undefined ones, with the computers' identifiers", async () => {
    const chrome = await report('/patchreports/patchsoftwaretitleid/1');
    const latest = await report('/patchreports/patchsoftwaretitleid/1/version/Latest');
    expect(latest.versions).toEqual([chrome.versions[0]]);
    const unknown = await report('/patchreports/patchsoftwaretitleid/1/version/Unknown');
    expect(unknown).toMatchObject({ total_computers: 0, total_versions: 1 });
    expect(unknown.versions).toEqual([{ software_version: 'Unknown', computers: [] }]);
    const computer = chrome.versions.flatMap((entry) => entry.computers)[0];
    expect(computer).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      mac_address: expect.stringMatching(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/i),
      alt_mac_address: '',
      serial_number: expect.any(String),
    });
  });

  it('answers 404 for a title configuration or a version that is not there', async () => {
    expect((await classic(jamf, token, '/patchreports/patchsoftwaretitleid/99')).status).toBe(404);
    expect(
      (await classic(jamf, token, '/patchreports/patchsoftwaretitleid/1/version/1.0')).status,
    ).toBe(404);
    for (const tail of ['patch-report', 'patch-summary', 'patch-summary/versions'])
      expect(
        (await api(jamf, token, 'GET', `/v3/patch-software-title-configurations/99/${tail}`))
          .status,
      ).toBe(404);
  });
});
