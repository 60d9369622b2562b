import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';
import { classicJson, classicWrite, proJson } from './support/patch-support.js';

// A smart computer group's `Patch Reporting: <title>` criterion selects computers by their
// version of the title, as the title's patch report gives it.
const jamf = setupJamfMock({ seed: 21, counts: { computers: 40, computerGroups: 0 } });
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

/** Each computer's version of title configuration `id`, from its patch report, by computer id. */
async function versions(id: number): Promise<Map<number, string>> {
  const report = await proJson<{ results: { deviceId: string; version: string }[] }>(
    jamf,
    token,
    `/v3/patch-software-title-configurations/${id}/patch-report?page-size=1000`,
  );
  return new Map(report.results.map((row) => [Number(row.deviceId), row.version]));
}

/** The members of a new smart group with one criterion, by id. */
async function members(name: string, searchType: string, value: string): Promise<number[]> {
  const id = await classicWrite(
    jamf,
    token,
    '/computergroups/id/0',
    `<computer_group><name>${name} ${searchType} ${value}</name><is_smart>true</is_smart><criteria><criterion><name>${name}</name><priority>0</priority><and_or>and</and_or><search_type>${searchType}</search_type><value>${value}</value></criterion></criteria></computer_group>`,
  );
  const group = await classicJson<{ computers: { id: number }[] }>(
    jamf,
    token,
    `/computergroups/id/${id}`,
    'computer_group',
  );
  return group.computers.map((computer) => computer.id).sort((a, b) => a - b);
}

const having = (installed: Map<number, string>, holds: (version: string) => boolean) =>
  [...installed]
    .filter(([, version]) => holds(version))
    .map(([id]) => id)
    .sort((a, b) => a - b);

describe('the Patch Reporting criterion', () => {
  it('selects computers by their version of the title: is, is not, less and greater than, Latest Version', async () => {
    const chrome = await versions(1);
    const [latest, middle, oldest] = ['131.0.6778.86', '131.0.6778.70', '130.0.6723.117'];
    // The seed gives Chrome's computers more than one version, so each case tells something.
    expect(new Set(chrome.values()).size).toBeGreaterThan(1);
    const name = 'Patch Reporting: Google Chrome';
    expect(await members(name, 'is', 'Latest Version')).toEqual(
      having(chrome, (version) => version === latest),
    );
    expect(await members(name, 'is', middle)).toEqual(
      having(chrome, (version) => version === middle),
    );
    expect(await members('patch reporting: google chrome', 'is not', 'latest version')).toEqual(
      having(chrome, (version) => version !== latest),
    );
    expect(await members(name, 'less than', 'Latest Version')).toEqual(
      having(chrome, (version) => version === middle || version === oldest),
    );
    expect(await members(name, 'less than', middle)).toEqual(
      having(chrome, (version) => version === oldest),
    );
    expect(await members(name, 'greater than', oldest)).toEqual(
      having(chrome, (version) => version === middle || version === latest),
    );
  });

  it('matches Unknown versions by name only, and selects nothing for an unknown title or search type', async () => {
    let unknownTitle: Map<number, string> | undefined;
    let titleName = '';
    for (const [id, name] of [
      [1, 'Google Chrome'],
      [2, 'Mozilla Firefox'],
      [3, 'Zoom Client for Meetings'],
    ] as const) {
      const installed = await versions(id);
      if ([...installed.values()].includes('Unknown')) {
        unknownTitle = installed;
        titleName = name;
        break;
      }
    }
    expect(unknownTitle).toBeDefined();
    const installed = unknownTitle ?? new Map<number, string>();
    const name = `Patch Reporting: ${titleName}`;
    expect(await members(name, 'is', 'Unknown')).toEqual(
      having(installed, (version) => version === 'Unknown'),
    );
    expect(await members(name, 'greater than', '0')).toEqual(
      having(installed, (version) => version !== 'Unknown'),
    );
    expect(await members('Patch Reporting: No Such App', 'is not', 'Latest Version')).toEqual([]);
    expect(await members(name, 'like', '1')).toEqual([]);
  });
});
