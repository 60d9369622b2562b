import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';
import { classic, classicJson, classicWrite, proJson } from './support/patch-support.js';

// A computer's Classic management record lists the patch titles it has and the patch policies
// scoped to it, as the patch reports and the patch policies' scopes say.
const jamf = setupJamfMock({ seed: 21, counts: { computers: 40 } });
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

type Title = { name: string; latest_version: string; installed_version: string };
type Management = {
  patch_reporting_software_titles: Title[];
  patch_policies: { id: number; name: string }[];
} & Record<string, unknown>;

const management = (path: string) =>
  classicJson<Management>(jamf, token, `/computermanagement${path}`, 'computer_management');

/** Each seeded title's name, newest version and, by computer id, the version its report gives. */
async function reports(): Promise<
  { name: string; latest: string; byComputer: Map<string, string> }[]
> {
  const titles = [];
  for (const id of [1, 2, 3]) {
    const summary = await proJson<{ title: string; latestVersion: string }>(
      jamf,
      token,
      `/v3/patch-software-title-configurations/${id}/patch-summary`,
    );
    const report = await proJson<{ results: { deviceId: string; version: string }[] }>(
      jamf,
      token,
      `/v3/patch-software-title-configurations/${id}/patch-report?page-size=1000`,
    );
    titles.push({
      name: summary.title,
      latest: summary.latestVersion,
      byComputer: new Map(report.results.map((row) => [row.deviceId, row.version])),
    });
  }
  return titles;
}

const expectedTitles = (titles: Awaited<ReturnType<typeof reports>>, computerId: number) =>
  titles.flatMap(({ name, latest, byComputer }) => {
    const version = byComputer.get(String(computerId));
    return version === undefined
      ? []
      : [{ name, latest_version: latest, installed_version: version }];
  });

const policyXml = (name: string, scope: string, enabled = true) =>
  `<patch_policy><general><name>${name}</name><enabled>${enabled}</enabled><target_version>131.0.6778.86</target_version></general><scope>${scope}</scope></patch_policy>`;

describe('computermanagement patch sections', () => {
  it('lists the titles the computer has with its version, and the patch policies scoped to it', async () => {
    const titles = await reports();
    const chrome = titles[0]?.byComputer ?? new Map<string, string>();
    const computerIds = [...jamf.state.computers.values()].map((computer) => computer.id);
    const withChrome = computerIds.filter((id) => chrome.has(String(id)));
    const withoutChrome = computerIds.find((id) => !chrome.has(String(id)));
    expect(withChrome.length).toBeGreaterThan(1);
    expect(withoutChrome).toBeDefined();
    const [target = 0, other = 0] = withChrome;
    const createFor = (body: string) =>
      classicWrite(jamf, token, '/patchpolicies/softwaretitleconfig/id/1', body);
    const mine = await createFor(
      policyXml('Mine', `<computers><computer><id>${target}</id></computer></computers>`),
    );
    await createFor(
      policyXml('Theirs', `<computers><computer><id>${other}</id></computer></computers>`),
    );
    await createFor(
      policyXml('Off', `<computers><computer><id>${target}</id></computer></computers>`, false),
    );
    await createFor(
      policyXml(
        'Excluded',
        `<all_computers>true</all_computers><exclusions><computers><computer><id>${target}</id></computer></computers></exclusions>`,
      ),
    );

    for (const id of computerIds.slice(0, 12)) {
      const record = await management(`/id/${id}`);
      expect(record.patch_reporting_software_titles, `computer ${id}`).toEqual(
        expectedTitles(titles, id),
      );
    }
    const record = await management(`/id/${target}`);
    expect(record.patch_policies).toEqual([
      { id: 1, name: 'Google Chrome (latest)' },
      { id: mine, name: 'Mine' },
    ]);
    // A computer without the title's app has none of its patch policies, even one for all computers.
    expect((await management(`/id/${withoutChrome}`)).patch_policies).toEqual([]);
  });

  it('answers only the patch sections for a patch filter, narrowed to the titles it names', async () => {
    const titles = await reports();
    const id = [...jamf.state.computers.values()]
      .map((computer) => computer.id)
      .find((candidate) => expectedTitles(titles, candidate).length >= 2);
    expect(id).toBeDefined();
    const whole = await management(`/id/${id}`);
    const filtered = await management(`/id/${id}/patchfilter/chrome`);
    expect(Object.keys(filtered).sort()).toEqual([
      'patch_policies',
      'patch_reporting_software_titles',
    ]);
    expect(filtered.patch_reporting_software_titles).toEqual(
      whole.patch_reporting_software_titles.filter((title) => title.name === 'Google Chrome'),
    );
    expect(filtered.patch_policies).toEqual(
      whole.patch_reporting_software_titles.some((title) => title.name === 'Google Chrome')
        ? [{ id: 1, name: 'Google Chrome (latest)' }]
        : [],
    );
    const none = await management(`/id/${id}/patchfilter/NoSuchTitle`);
    expect(none).toEqual({ patch_reporting_software_titles: [], patch_policies: [] });
    const subset = await management(`/id/${id}/subset/General&Patch_Reporting_Software_Titles`);
    expect(subset.patch_reporting_software_titles).toEqual(whole.patch_reporting_software_titles);
    expect((await classic(jamf, token, '/computermanagement/id/9999/patchfilter/x')).status).toBe(
      404,
    );
    const xml = await (
      await classic(jamf, token, `/computermanagement/id/${id}/patchfilter/chrome`)
    ).text();
    expect(xml).toMatch(/<patch_reporting_software_titles><title><[a-z_]+>/);
  });
});
