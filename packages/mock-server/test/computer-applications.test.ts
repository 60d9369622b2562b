import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';
import { classic, classicJson, classicWrite, proJson } from './support/patch-support.js';
import { watchContract } from './support/watch-contract.js';

// A computer's installed applications are one set, whichever view reads them: Pro's inventory
// (list and detail), the Classic record (whole and subset), Classic computerapplications, patch
// reports, and the Application Title / Application Version criteria of smart groups and
// advanced searches.
const jamf = setupJamfMock({ seed: 21, counts: { computers: 40 } });
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

interface ProApplication {
  name: string;
  path: string;
  version: string;
  macAppStore: boolean;
  sizeMegabytes: number;
  bundleId: string;
  updateAvailable: boolean;
  externalVersionId: string;
}
interface ClassicApplication {
  name: string;
  path: string;
  version: string;
  bundle_id: string;
}
type Page = { totalCount: number; results: { id: string; applications: ProApplication[] }[] };

/** Every computer's applications as Pro's inventory list gives them, by computer id. */
async function proApplications(): Promise<Map<number, ProApplication[]>> {
  const page = await proJson<Page>(
    jamf,
    token,
    '/v1/computers-inventory?section=APPLICATIONS&page-size=100',
  );
  expect(page.totalCount).toBe(40);
  return new Map(page.results.map((row) => [Number(row.id), row.applications]));
}

/** The ids of the computers that have `name` (any version), from Pro's inventory. */
function holders(apps: Map<number, ProApplication[]>, name: string): number[] {
  return [...apps]
    .filter(([, list]) => list.some((app) => app.name === name))
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

const sortedIds = (rows: readonly { id: number }[]) =>
  rows.map((row) => row.id).sort((a, b) => a - b);

describe("a computer's applications", () => {
  it('are the same in Pro (list, detail, every version) and in the Classic record (whole, subset, XML)', async () => {
    const apps = await proApplications();
    for (const id of [1, 2, 17, 40]) {
      const pro = apps.get(id) ?? [];
      expect(pro.length).toBeGreaterThan(1);
      expect(pro.map((app) => app.name)).toContain('Safari.app');
      for (const app of pro) {
        expect(app.path).toBe(`/Applications/${app.name}`);
        expect(app.bundleId).not.toBe('');
        expect(app.sizeMegabytes).toBeGreaterThan(0);
        expect(app).toMatchObject({ updateAvailable: false, externalVersionId: '0' });
      }
      for (const version of ['v1', 'v2', 'v3']) {
        const detail = await proJson<{ applications: ProApplication[] }>(
          jamf,
          token,
          `/${version}/computers-inventory-detail/${id}`,
        );
        expect(detail.applications).toEqual(pro);
      }
      const one = await proJson<{ applications: ProApplication[] }>(
        jamf,
        token,
        `/v1/computers-inventory/${id}?section=APPLICATIONS`,
      );
      expect(one.applications).toEqual(pro);

      const expected: ClassicApplication[] = pro.map((app) => ({
        name: app.name,
        path: app.path,
        version: app.version,
        bundle_id: app.bundleId,
      }));
      const record = await classicJson<{ software: { applications: ClassicApplication[] } }>(
        jamf,
        token,
        `/computers/id/${id}`,
        'computer',
      );
      expect(record.software.applications).toEqual(expected);
      const subset = await classicJson<{ software: { applications: ClassicApplication[] } }>(
        jamf,
        token,
        `/computers/id/${id}/subset/Software`,
        'computer',
      );
      expect(subset.software.applications).toEqual(expected);
      // XML: the count first, then one <application> per app, bundle_id after version.
      const xml = await (await classic(jamf, token, `/computers/id/${id}/subset/Software`)).text();
      const first = expected[0] as ClassicApplication;
      expect(xml).toContain(
        `<applications><size>${expected.length}</size><application><name>${first.name}</name><path>${first.path}</path><version>${first.version}</version><bundle_id>${first.bundle_id}</bundle_id></application>`,
      );
      const parsed = new XMLParser({ parseTagValue: false }).parse(xml) as {
        computer: { software: { applications: { size: string; application: unknown[] } } };
      };
      expect(parsed.computer.software.applications.application).toHaveLength(expected.length);
    }
  });

  it('are what computerapplications and the patch reports say, app by app and version by version', async () => {
    const apps = await proApplications();
    const names = new Set([...apps.values()].flat().map((app) => app.name));
    expect(names.size).toBeGreaterThan(5);
    for (const name of names) {
      const report = await classicJson<{
        unique_computers: { id: number }[];
        versions: { number: string; computers: { id: number }[] }[];
      }>(
        jamf,
        token,
        `/computerapplications/application/${encodeURIComponent(name)}`,
        'computer_applications',
      );
      expect(sortedIds(report.unique_computers), name).toEqual(holders(apps, name));
      for (const { number, computers } of report.versions) {
        const onVersion = [...apps]
          .filter(([, list]) => list.some((app) => app.name === name && app.version === number))
          .map(([id]) => id);
        expect(sortedIds(computers), `${name} ${number}`).toEqual(onVersion);
      }
    }
    // Patch title 1 is Google Chrome (the seeded title configurations).
    const chrome = await classicJson<{
      total_computers: number;
      versions: { computers: { id: number }[] }[];
    }>(jamf, token, '/patchreports/patchsoftwaretitleid/1', 'patch_report');
    expect(
      chrome.versions.flatMap((entry) => entry.computers.map((c) => c.id)).sort((a, b) => a - b),
    ).toEqual(holders(apps, 'Google Chrome.app'));
    expect(chrome.total_computers).toBe(holders(apps, 'Google Chrome.app').length);
  });
});

/** `<criterion>` elements, in priority order, from `[name, search type, value]`. */
function criteriaXml(criteria: readonly (readonly [string, string, string])[]): string {
  const items = criteria.map(
    ([name, type, value], priority) =>
      `<criterion><name>${name}</name><priority>${priority}</priority><and_or>and</and_or><search_type>${type}</search_type><value>${value}</value></criterion>`,
  );
  return `<criteria><size>${items.length}</size>${items.join('')}</criteria>`;
}

async function smartGroupMembers(
  name: string,
  criteria: readonly (readonly [string, string, string])[],
): Promise<number[]> {
  const id = await classicWrite(
    jamf,
    token,
    '/computergroups/id/0',
    `<computer_group><name>${name}</name><is_smart>true</is_smart>${criteriaXml(criteria)}</computer_group>`,
  );
  const group = await classicJson<{ computers: { id: number }[] }>(
    jamf,
    token,
    `/computergroups/id/${id}`,
    'computer_group',
  );
  const { members } = await proJson<{ members: number[] }>(
    jamf,
    token,
    `/v2/computer-groups/smart-group-membership/${id}`,
  );
  expect([...members].sort((a, b) => a - b)).toEqual(sortedIds(group.computers));
  return sortedIds(group.computers);
}

describe('Application Title and Application Version criteria', () => {
  it('a smart group on Application Title holds the computers whose inventory lists the app', async () => {
    const apps = await proApplications();
    const all = [...apps.keys()].sort((a, b) => a - b);
    const zoom = holders(apps, 'zoom.us.app');
    expect(zoom.length).toBeGreaterThan(0);
    expect(zoom.length).toBeLessThan(40);
    expect(await smartGroupMembers('Zoom', [['Application Title', 'is', 'Zoom.us.app']])).toEqual(
      zoom,
    );
    expect(
      await smartGroupMembers('No Zoom', [['Application Title', 'is not', 'zoom.us.app']]),
    ).toEqual(all.filter((id) => !zoom.includes(id)));
    const microsoft = [
      ...new Set([...holders(apps, 'Microsoft Word.app'), ...holders(apps, 'Microsoft Excel.app')]),
    ].sort((a, b) => a - b);
    expect(
      await smartGroupMembers('Microsoft', [['Application Title', 'like', 'microsoft']]),
    ).toEqual(microsoft);
    expect(
      await smartGroupMembers('No Microsoft', [
        ['Application Title', 'does not have', 'Microsoft'],
      ]),
    ).toEqual(all.filter((id) => !microsoft.includes(id)));
  });

  it('Application Version tests the version of the titled app (any app without a title), and an advanced search shows the titles', async () => {
    const apps = await proApplications();
    const onVersion = [...apps]
      .filter(([, list]) => list.some((app) => app.version === '6.2.5'))
      .map(([id]) => id)
      .sort((a, b) => a - b);
    expect(onVersion.length).toBeGreaterThan(0);
    expect(
      await smartGroupMembers('Zoom 6.2.5', [
        ['Application Title', 'is', 'zoom.us.app'],
        ['Application Version', 'is', '6.2.5'],
      ]),
    ).toEqual(onVersion);
    // Version alone tests every application; after a title, that title's version only.
    const at = (name: string | undefined, version: string) =>
      [...apps]
        .filter(([, list]) =>
          list.some((app) => (name === undefined || app.name === name) && app.version === version),
        )
        .map(([id]) => id)
        .sort((a, b) => a - b);
    const word1690 = at('Microsoft Word.app', '16.90');
    const any1690 = at(undefined, '16.90');
    // Some computer has another app at 16.90 and Word at another version (or none): the
    // pairing is what tells them apart.
    expect(any1690.filter((id) => !word1690.includes(id)).length).toBeGreaterThan(0);
    expect(await smartGroupMembers('Any 16.90', [['Application Version', 'is', '16.90']])).toEqual(
      any1690,
    );
    expect(
      await smartGroupMembers('Word 16.90', [
        ['Application Title', 'is', 'Microsoft Word.app'],
        ['Application Version', 'is', '16.90'],
      ]),
    ).toEqual(word1690);
    expect(
      await smartGroupMembers('Old Word', [
        ['Application Title', 'is', 'Microsoft Word.app'],
        ['Application Version', 'less than', '16.91'],
      ]),
    ).toEqual(word1690);
    const id = await classicWrite(
      jamf,
      token,
      '/advancedcomputersearches/id/0',
      `<advanced_computer_search><name>Has Xcode</name>${criteriaXml([
        ['Application Title', 'is', 'Xcode.app'],
      ])}<display_fields><size>1</size><display_field><name>Application Title</name></display_field></display_fields></advanced_computer_search>`,
    );
    const search = await classicJson<{
      computers: { id: number; Application_Title: string }[];
    }>(jamf, token, `/advancedcomputersearches/id/${id}`, 'advanced_computer_search');
    expect(sortedIds(search.computers)).toEqual(holders(apps, 'Xcode.app'));
    for (const computer of search.computers)
      expect(computer.Application_Title).toBe(
        (apps.get(computer.id) ?? []).map((app) => app.name).join(', '),
      );
  });
});
