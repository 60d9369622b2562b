import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { privilegeCatalogue } from '../src/generated/privilege-catalogue.js';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// Classic's inventory reports: computerapplications, computerapplicationusage and
// computerhardwaresoftwarereports, over the computers and the applications the mock derives for
// them from its seed; the clock is fixed so "today" is known.
const TODAY = Date.UTC(2026, 5, 15, 12);
const jamf = setupJamfMock({
  seed: 7,
  now: () => TODAY,
  counts: { computers: 6, mobileDevices: 0, policies: 0, computerGroups: 0 },
});

async function classic(
  path: string,
  init: { accept?: string; token?: string } = {},
): Promise<Response> {
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, {
    headers: {
      authorization: `Bearer ${init.token ?? (await userToken(jamf))}`,
      accept: init.accept ?? 'application/json',
    },
  });
}

async function json<T>(path: string): Promise<T> {
  const response = await classic(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function tokenWith(privileges: string[]): Promise<string> {
  const username = `reports-${privileges.join('-').replaceAll(' ', '')}`;
  jamf.state.accounts.add({ username, password: 'pw', privileges });
  return userToken(jamf, username, 'pw');
}

const computers = () => [...jamf.state.computers.values()];
const xml = new XMLParser({ parseTagValue: false });

interface ReportComputer {
  id: number;
  name: string;
  udid: string;
  serial_number: string;
  mac_address: string;
  [field: string]: unknown;
}
interface ApplicationsReport {
  computer_applications: {
    unique_computers: ReportComputer[];
    versions: { number: string; computers: ReportComputer[] }[];
  };
}

describe('GET /JSSResource/computerapplications', () => {
  it('lists every computer with Safari, each version with its computers, and identical answers on every read', async () => {
    const report = await json<ApplicationsReport>('/computerapplications/application/Safari.app');
    const { unique_computers: unique, versions } = report.computer_applications;
    // Safari comes with macOS, so every computer has it.
    expect(unique.map((c) => c.id)).toEqual(computers().map((c) => c.id));
    const first = computers()[0];
    expect(unique[0]).toEqual({
      id: first?.id,
      name: first?.name,
      udid: first?.udid,
      serial_number: first?.serialNumber,
      mac_address: first?.macAddress,
    });
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.flatMap((v) => v.computers.map((c) => c.id)).sort()).toEqual(
      unique.map((c) => c.id).sort(),
    );
    expect(await json('/computerapplications/application/Safari.app')).toEqual(report);
  });

  it('matches names and versions with * wildcards, without case, and narrows by version', async () => {
    const all = await json<ApplicationsReport>('/computerapplications/application/micro*');
    const word = await json<ApplicationsReport>(
      '/computerapplications/application/Microsoft%20Word.app',
    );
    const wordIds = word.computer_applications.unique_computers.map((c) => c.id);
    expect(wordIds.length).toBeGreaterThan(0);
    expect(
      wordIds.every((id) => all.computer_applications.unique_computers.some((c) => c.id === id)),
    ).toBe(true);
    const { number } = word.computer_applications.versions[0] ?? { number: '' };
    const oneVersion = await json<ApplicationsReport>(
      `/computerapplications/application/microsoft%20word.APP/version/${number}`,
    );
    expect(oneVersion.computer_applications.versions.map((v) => v.number)).toEqual([number]);
    expect(oneVersion.computer_applications.unique_computers.map((c) => c.id)).toEqual(
      word.computer_applications.versions[0]?.computers.map((c) => c.id),
    );
    const major = await json<ApplicationsReport>(
      `/computerapplications/application/Microsoft%20Word.app/version/${number.split('.')[0]}*`,
    );
    expect(major.computer_applications.versions.map((v) => v.number)).toContain(number);
    const none = await json<ApplicationsReport>('/computerapplications/application/Nothing.app');
    expect(none).toEqual({ computer_applications: { unique_computers: [], versions: [] } });
  });

  it('adds the inventory fields asked for to every computer, with and without a version', async () => {
    const report = await json<ApplicationsReport>(
      '/computerapplications/application/Safari.app/inventory/Asset%20Tag,Model,Platform',
    );
    const first = computers()[0];
    expect(report.computer_applications.unique_computers[0]).toMatchObject({
      Asset_Tag: first?.assetTag,
      Model: first?.model,
      Platform: '',
    });
    const { number } = report.computer_applications.versions[0] ?? { number: '' };
    const byVersion = await json<ApplicationsReport>(
      `/computerapplications/application/Safari.app/version/${number}/inventory/Model`,
    );
    expect(byVersion.computer_applications.versions[0]?.computers[0]).toHaveProperty('Model');
    const byDefault = await json<ApplicationsReport>(
      `/computerapplications/application/Safari.app/version/${number}/inventory/Default`,
    );
    expect(Object.keys(byDefault.computer_applications.unique_computers[0] ?? {})).toEqual([
      'id',
      'name',
      'udid',
      'serial_number',
      'mac_address',
    ]);
  });

  it('answers XML with computer and version items, and refuses a caller without Read Computers', async () => {
    const response = await classic('/computerapplications/application/Safari.app', {
      accept: 'application/xml',
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const parsed = xml.parse(await response.text()).computer_applications;
    const unique = [parsed.unique_computers.computer].flat();
    expect(unique).toHaveLength(computers().length);
    expect([parsed.versions.version].flat()[0]).toHaveProperty('number');
    expect(privilegeCatalogue).toContain('Read Computers');
    const refused = await classic('/computerapplications/application/Safari.app', {
      token: await tokenWith(['Read Categories']),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Read Computers');
  });
});

interface UsageReport {
  computer_application_usage: {
    date: string;
    apps: { name: string; version: string; foreground: number; open: number }[];
  }[];
}

describe('GET /JSSResource/computerapplicationusage', () => {
  it('answers seeded usage per day for each lookup, only on days the computer existed up to today', async () => {
    const computer = computers()[1];
    if (computer === undefined) throw new Error('no computer');
    const range = '2026-06-10_2026-06-30';
    const byId = await json<UsageReport>(`/computerapplicationusage/id/${computer.id}/${range}`);
    const days = byId.computer_application_usage.map((entry) => entry.date);
    expect(days.length).toBeGreaterThan(0);
    // Nothing after the clock's today (2026-06-15), dates as the schema writes them.
    expect(days.every((day) => day >= '2026/06/10' && day <= '2026/06/15')).toBe(true);
    for (const entry of byId.computer_application_usage)
      for (const app of entry.apps) {
        expect(app.name).toMatch(/\.app$/);
        expect(app.open).toBeGreaterThanOrEqual(app.foreground);
      }
    for (const [by, key] of [
      ['name', computer.name],
      ['udid', computer.udid],
      ['serialnumber', computer.serialNumber],
      ['macaddress', computer.macAddress],
    ]) {
      expect(
        await json(`/computerapplicationusage/${by}/${encodeURIComponent(key ?? '')}/${range}`),
      ).toEqual(byId);
    }
    const beforeEnrolment = await json<UsageReport>(
      `/computerapplicationusage/id/${computer.id}/2001-01-01_2001-12-31`,
    );
    expect(beforeEnrolment).toEqual({ computer_application_usage: [] });
  });

  it('answers XML usage elements, 404 for an unknown computer and 400 for a malformed range', async () => {
    const id = computers()[0]?.id;
    const response = await classic(`/computerapplicationusage/id/${id}/2026-06-01_2026-06-14`, {
      accept: 'application/xml',
    });
    const parsed = xml.parse(await response.text()).computer_application_usage;
    const usage = [parsed.usage].flat();
    expect(usage.length).toBeGreaterThan(0);
    expect([usage[0].apps.app].flat()[0]).toHaveProperty('foreground');
    const unknown = await classic('/computerapplicationusage/id/9999/2026-06-01_2026-06-14');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
    for (const range of ['2026-06-01', '2026-02-30_2026-03-01', '20260601_20260614']) {
      const bad = await classic(`/computerapplicationusage/id/${id}/${range}`);
      expect(bad.status, range).toBe(400);
      expect(await bad.text()).toContain('Error: ');
    }
  });
});

interface HardwareSoftwareReports {
  computer_hardware_software_reports: Record<string, Record<string, unknown>[]>;
}

describe('GET /JSSResource/computerhardwaresoftwarereports', () => {
  it('reports the hardware at the last inventory and the applications added at enrolment', async () => {
    const computer = computers()[2];
    if (computer === undefined) throw new Error('no computer');
    const all = await json<HardwareSoftwareReports>(
      `/computerhardwaresoftwarereports/serialnumber/${computer.serialNumber}/2000-01-01_2026-12-31`,
    );
    const reports = all.computer_hardware_software_reports;
    expect(Object.keys(reports).sort()).toEqual([
      'font_report',
      'hardware_report',
      'plugin_report',
      'software_report',
    ]);
    expect(reports.hardware_report).toEqual([
      expect.objectContaining({
        date_time_epoch: computer.reportDate,
        model_identifier: computer.modelIdentifier,
        serial_number: computer.serialNumber,
        total_ram_mb: computer.totalRamMegabytes,
        NIC_speed: '',
      }),
    ]);
    expect(reports.software_report?.length).toBeGreaterThan(0);
    expect(reports.software_report?.[0]).toMatchObject({
      type: 'Added',
      date_time_epoch: computer.initialEntryDate,
    });
    expect(reports.software_report?.map((entry) => entry.name)).toContain('Safari.app');
    const outside = await json<HardwareSoftwareReports>(
      `/computerhardwaresoftwarereports/id/${computer.id}/2001-01-01_2001-01-02`,
    );
    expect(Object.values(outside.computer_hardware_software_reports).flat()).toEqual([]);
  });

  it('answers the subsets asked for, after any lookup, and refuses unknown computers and bad ranges', async () => {
    const computer = computers()[0];
    if (computer === undefined) throw new Error('no computer');
    const range = '2000-01-01_2026-12-31';
    for (const [by, key] of [
      ['id', String(computer.id)],
      ['udid', computer.udid],
    ]) {
      const picked = await json<HardwareSoftwareReports>(
        `/computerhardwaresoftwarereports/${by}/${key}/${range}/subset/Fonts&hardware`,
      );
      expect(Object.keys(picked.computer_hardware_software_reports).sort()).toEqual([
        'font_report',
        'hardware_report',
      ]);
    }
    const response = await classic(`/computerhardwaresoftwarereports/id/${computer.id}/${range}`, {
      accept: 'application/xml',
    });
    const parsed = xml.parse(await response.text()).computer_hardware_software_reports;
    expect([parsed.software_report].flat().length).toBeGreaterThan(0);
    expect(parsed.hardware_report.model_identifier).toBe(computer.modelIdentifier);
    expect((await classic(`/computerhardwaresoftwarereports/name/nobody/${range}`)).status).toBe(
      404,
    );
    expect(
      (await classic(`/computerhardwaresoftwarereports/id/${computer.id}/2026-13-01_2026-12-31`))
        .status,
    ).toBe(400);
  });
});
