import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { classic, classicJson, classicWrite, proJson } from './support/patch-support.js';
import { watchContract } from './support/watch-contract.js';

// Patch policies belong to a software title configuration: Classic patchpolicies writes them,
// Pro /v2/patch-policies lists them, and a title's delete takes them along.
const jamf = setupJamfMock({ seed: 9 });
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

type Page = { totalCount: number; results: Record<string, unknown>[] };

const policyXml = (name: string, target: string, extra = '') =>
  `<patch_policy><general><name>${name}</name><enabled>true</enabled><target_version>${target}</target_version>${extra}</general><scope><all_computers>true</all_computers></scope></patch_policy>`;

const createFor = (titleId: number, body: string) =>
  classicWrite(jamf, token, `/patchpolicies/softwaretitleconfig/id/${titleId}`, body);

describe('patch policies: Classic patchpolicies and Pro /v2/patch-policies', () => {
  it('a fresh mock has one policy, listed by Classic, by its title and by Pro', async () => {
    const all = await classicJson(jamf, token, '/patchpolicies', 'patch_policies');
    expect(all).toEqual([{ id: 1, name: 'Google Chrome (latest)' }]);
    expect(
      await classicJson(jamf, token, '/patchpolicies/softwaretitleconfig/id/1', 'patch_policies'),
    ).toEqual(all);
    expect(
      await classicJson(jamf, token, '/patchpolicies/softwaretitleconfig/id/2', 'patch_policies'),
    ).toEqual([]);
    // It patches every computer with Chrome on another version than the newest, as the report shows.
    const chrome = await classicJson<{
      total_computers: number;
      versions: { computers: unknown[] }[];
    }>(jamf, token, '/patchreports/patchsoftwaretitleid/1', 'patch_report');
    const pending = chrome.total_computers - (chrome.versions[0]?.computers.length ?? 0);
    expect(pending).toBeGreaterThan(0);
    const page = await proJson<Page>(jamf, token, '/v2/patch-policies');
    expect(page).toEqual({
      totalCount: 1,
      results: [
        {
          id: '1',
          policyName: 'Google Chrome (latest)',
          policyEnabled: true,
          policyTargetVersion: '131.0.6778.86',
          policyDeploymentMethod: 'Self Service',
          softwareTitle: 'Google Chrome',
          softwareTitleConfigurationId: '1',
          pending,
          completed: 0,
          deferred: 0,
          failed: 0,
        },
      ],
    });
  });

  it('creates a policy for a title through Classic; Classic and Pro show it with its fields', async () => {
    const id = await createFor(
      2,
      policyXml(
        'Firefox now',
        '133.0',
        '<distribution_method>prompt</distribution_method><allow_downgrade>true</allow_downgrade>',
      ).replace(
        '</patch_policy>',
        '<user_interaction><install_button_text>Update</install_button_text><grace_period><grace_period_duration>15</grace_period_duration><message>Closing Firefox</message></grace_period><deadlines><deadline_enabled>true</deadline_enabled><deadline_period>7</deadline_period></deadlines></user_interaction></patch_policy>',
      ),
    );
    const shown = await classicJson<Record<string, Record<string, unknown>>>(
      jamf,
      token,
      `/patchpolicies/id/${id}`,
      'patch_policy',
    );
    expect(shown.software_title_configuration_id).toBe(2);
    expect(shown.general).toMatchObject({
      id,
      name: 'Firefox now',
      target_version: '133.0',
      distribution_method: 'prompt',
      allow_downgrade: true,
    });
    const subset = await classicJson(
      jamf,
      token,
      `/patchpolicies/id/${id}/subset/General`,
      'patch_policy',
    );
    expect(Object.keys(subset)).toEqual(['general']);
    const filtered = await proJson<Page>(
      jamf,
      token,
      '/v2/patch-policies?filter=softwareTitleConfigurationId==2',
    );
    expect(filtered.results).toMatchObject([
      {
        id: String(id),
        softwareTitle: 'Mozilla Firefox',
        policyDeploymentMethod: 'Install Automatically',
      },
    ]);
    const details = await proJson<Page>(
      jamf,
      token,
      `/v2/patch-policies/policy-details?filter=id==${id}`,
    );
    expect(details.results).toEqual([
      expect.objectContaining({
        id: String(id),
        name: 'Firefox now',
        targetPatchVersion: '133.0',
        softwareTitleId: '2',
        softwareTitleConfigurationId: '2',
        downgrade: true,
        installButtonText: 'Update',
        killAppsDelayMinutes: 15,
        killAppsMessage: 'Closing Firefox',
        selfServiceEnforceDeadline: true,
        selfServiceDeadline: 7,
      }),
    ]);
  });

  it('an update keeps the policy with its title and is what Pro lists', async () => {
    await classicWrite(
      jamf,
      token,
      '/patchpolicies/id/1',
      '<patch_policy><general><name>Chrome pilot</name><enabled>false</enabled><target_version>131.0.6778.70</target_version></general><software_title_configuration_id>3</software_title_configuration_id></patch_policy>',
      'PUT',
    );
    const [row] = (await proJson<Page>(jamf, token, '/v2/patch-policies')).results;
    expect(row).toMatchObject({
      policyName: 'Chrome pilot',
      policyEnabled: false,
      policyTargetVersion: '131.0.6778.70',
      softwareTitleConfigurationId: '1',
    });
  });

  it('takes back the record it answered with a new target version, as PatchManager updates a policy', async () => {
    const record = await (await classic(jamf, token, '/patchpolicies/id/1')).text();
    for (const element of ['general/target_version', 'general/release_date', 'general/enabled'])
      expect(record).toContain(`<${element.split('/')[1]}>`);
    expect(record).toContain('<self_service_description>');
    const edited = record
      .replace(
        /<target_version>[^<]*<\/target_version>/,
        '<target_version>130.0.6723.117</target_version>',
      )
      .replace(/<release_date>[^<]*<\/release_date>/, '<release_date></release_date>')
      .replace(
        /<self_service_description>[^<]*<\/self_service_description>/,
        '<self_service_description>Update Chrome (2026-12-05)</self_service_description>',
      );
    const response = await classic(jamf, token, '/patchpolicies/id/1', {
      method: 'PUT',
      body: edited,
    });
    expect(response.status).toBe(201);
    expect(await response.text()).toContain('<id>1</id>');
    const details = await proJson<Page>(jamf, token, '/v2/patch-policies/policy-details');
    expect(details.results[0]).toMatchObject({
      targetPatchVersion: '130.0.6723.117',
      selfServiceDescription: 'Update Chrome (2026-12-05)',
    });
  });

  it("keeps the scope's computers, groups, buildings and departments as the stored objects, refusing one that is not there", async () => {
    const computer3 = await classicJson<{ general: { name: string; udid: string } }>(
      jamf,
      token,
      '/computers/id/3',
      'computer',
    );
    const scope = `<scope><all_computers>false</all_computers><computers><computer><id>2</id></computer><computer><name>${computer3.general.name}</name></computer></computers><computer_groups><computer_group><id>1</id></computer_group></computer_groups><exclusions><departments><department><id>1</id></department></departments></exclusions></scope>`;
    const id = await createFor(
      2,
      policyXml('Scoped', '133.0').replace(/<scope>.*<\/scope>/, scope),
    );
    const shown = await classicJson<{ scope: Record<string, unknown> }>(
      jamf,
      token,
      `/patchpolicies/id/${id}`,
      'patch_policy',
    );
    const computers = shown.scope.computers as { id: number; name: string; udid: string }[];
    expect(computers.map((entry) => entry.id)).toEqual([2, 3]);
    expect(computers[1]).toEqual({
      id: 3,
      name: computer3.general.name,
      udid: computer3.general.udid,
    });
    expect(shown.scope.computer_groups).toEqual([{ id: 1, name: expect.any(String) }]);
    expect((shown.scope.exclusions as Record<string, unknown>).departments).toEqual([
      { id: 1, name: expect.any(String) },
    ]);
    const refused = await classic(jamf, token, '/patchpolicies/softwaretitleconfig/id/2', {
      method: 'POST',
      body: policyXml('Nobody', '133.0').replace(
        /<scope>.*<\/scope>/,
        '<scope><computers><computer><id>9999</id></computer></computers></scope>',
      ),
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Problem with computer in scope');
  });

  it('logs each computer a policy would patch as PENDING, by device, and none while it is disabled', async () => {
    const report = await classicJson<{
      versions: { software_version: string; computers: { id: number; name: string }[] }[];
    }>(jamf, token, '/patchreports/patchsoftwaretitleid/1', 'patch_report');
    // Chrome's middle version as the target: computers on the oldest are behind, those on the
    // newest ahead (patched only when downgrades are allowed).
    const [newest, target, oldest] = report.versions;
    const older = oldest?.computers ?? [];
    const newer = newest?.computers ?? [];
    expect(older.length).toBeGreaterThan(0);
    expect(newer.length).toBeGreaterThan(0);
    const id = await createFor(1, policyXml('Chrome hold', target?.software_version ?? ''));
    const logs = await proJson<Page>(jamf, token, `/v2/patch-policies/${id}/logs?page-size=100`);
    expect(logs.results.map((log) => Number(log.deviceId)).sort((a, b) => a - b)).toEqual(
      older.map((computer) => computer.id).sort((a, b) => a - b),
    );
    expect(
      logs.results.every((log) => log.statusEnum === 'PENDING' && log.patchPolicyId === String(id)),
    ).toBe(true);
    const names = logs.results.map((log) => String(log.deviceName));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const [listed] = (await proJson<Page>(jamf, token, `/v2/patch-policies?filter=id==${id}`))
      .results;
    expect(listed?.pending).toBe(older.length);
    const behind = older[0] as { id: number; name: string };
    const one = await proJson(jamf, token, `/v2/patch-policies/${id}/logs/${behind.id}`);
    expect(one).toMatchObject({ deviceId: String(behind.id), deviceName: behind.name });
    expect(
      await proJson(jamf, token, `/v2/patch-policies/${id}/logs/${behind.id}/details`),
    ).toEqual([]);
    const ahead = newer[0] as { id: number };
    expect(
      (await api(jamf, token, 'GET', `/v2/patch-policies/${id}/logs/${ahead.id}`)).status,
    ).toBe(404);
    expect(
      await proJson(jamf, token, `/v2/patch-policies/${id}/logs/eligible-retry-count`),
    ).toEqual({ count: 0 });
    // Downgrades allowed: the newer ones are patched too.
    await classicWrite(
      jamf,
      token,
      `/patchpolicies/id/${id}`,
      '<patch_policy><general><allow_downgrade>true</allow_downgrade></general></patch_policy>',
      'PUT',
    );
    expect((await proJson<Page>(jamf, token, `/v2/patch-policies/${id}/logs`)).totalCount).toBe(
      older.length + newer.length,
    );
    await classicWrite(
      jamf,
      token,
      `/patchpolicies/id/${id}`,
      '<patch_policy><general><enabled>false</enabled></general></patch_policy>',
      'PUT',
    );
    expect((await proJson<Page>(jamf, token, `/v2/patch-policies/${id}/logs`)).totalCount).toBe(0);
    expect((await api(jamf, token, 'GET', '/v2/patch-policies/99/logs')).status).toBe(404);
  });

  it('patches only the computers its scope leaves after exclusions', async () => {
    const report = await classicJson<{
      versions: { software_version: string; computers: { id: number }[] }[];
    }>(jamf, token, '/patchreports/patchsoftwaretitleid/2', 'patch_report');
    const behind = report.versions
      .slice(1)
      .filter((entry) => entry.software_version !== 'Unknown')
      .flatMap((entry) => entry.computers.map((computer) => computer.id));
    expect(behind.length).toBeGreaterThan(1);
    const [kept, dropped] = behind;
    const scope = `<scope><all_computers>false</all_computers><computers><computer><id>${kept}</id></computer><computer><id>${dropped}</id></computer></computers><exclusions><computers><computer><id>${dropped}</id></computer></computers></exclusions></scope>`;
    const id = await createFor(
      2,
      policyXml('Two Macs', '133.0').replace(/<scope>.*<\/scope>/, scope),
    );
    const logs = await proJson<Page>(jamf, token, `/v2/patch-policies/${id}/logs`);
    expect(logs.results.map((log) => log.deviceId)).toEqual([String(kept)]);
  });

  it('refuses a version the title lacks, an unknown distribution method, a title that does not exist, a create by id', async () => {
    for (const body of [
      policyXml('Wrong version', '1.0'),
      policyXml('No version', '').replace('<target_version></target_version>', ''),
      policyXml('Bad method', '133.0', '<distribution_method>push</distribution_method>'),
    ]) {
      const refused = await classic(jamf, token, '/patchpolicies/softwaretitleconfig/id/2', {
        method: 'POST',
        body,
      });
      expect(refused.status, body).toBe(409);
    }
    const noTitle = await classic(jamf, token, '/patchpolicies/softwaretitleconfig/id/99', {
      method: 'POST',
      body: policyXml('Nowhere', '133.0'),
    });
    expect(noTitle.status).toBe(404);
    expect((await classic(jamf, token, '/patchpolicies/softwaretitleconfig/id/99')).status).toBe(
      404,
    );
    const byId = await classic(jamf, token, '/patchpolicies/id/0', {
      method: 'POST',
      body: policyXml('By id', '133.0'),
    });
    expect(byId.status).toBe(405);
    expect((await proJson<Page>(jamf, token, '/v2/patch-policies')).totalCount).toBe(1);
  });

  it('deleting a title, through either API, deletes its policies and only its', async () => {
    const firefox = await createFor(2, policyXml('Firefox', '133.0'));
    const zoom = await createFor(3, policyXml('Zoom', '6.2.11'));
    expect(
      (await api(jamf, token, 'DELETE', '/v3/patch-software-title-configurations/2')).status,
    ).toBe(204);
    expect((await classic(jamf, token, `/patchpolicies/id/${firefox}`)).status).toBe(404);
    expect(
      (await classic(jamf, token, '/patchsoftwaretitles/id/3', { method: 'DELETE' })).status,
    ).toBe(200);
    expect((await classic(jamf, token, `/patchpolicies/id/${zoom}`)).status).toBe(404);
    const left = await proJson<Page>(jamf, token, '/v2/patch-policies');
    expect(left.results.map((row) => row.id)).toEqual(['1']);
  });

  it('pages and sorts the Pro list', async () => {
    await createFor(2, policyXml('B Firefox', '133.0'));
    await createFor(3, policyXml('A Zoom', '6.2.11'));
    const page = await proJson<Page>(
      jamf,
      token,
      '/v2/patch-policies?sort=policyName:asc&page-size=2&page=0',
    );
    expect(page.totalCount).toBe(3);
    expect(page.results.map((row) => row.policyName)).toEqual(['A Zoom', 'B Firefox']);
    const bad = await api(jamf, token, 'GET', '/v2/patch-policies?sort=nothing:asc');
    expect(bad.status).toBe(400);
  });

  it('puts a patch policy on the dashboard and takes it off, 404 for no policy', async () => {
    const path = '/v2/patch-policies/1/dashboard';
    expect(await proJson(jamf, token, path)).toEqual({ onDashboard: false });
    expect((await api(jamf, token, 'POST', path)).status).toBe(204);
    expect(await proJson(jamf, token, path)).toEqual({ onDashboard: true });
    expect((await api(jamf, token, 'DELETE', path)).status).toBe(204);
    expect(await proJson(jamf, token, path)).toEqual({ onDashboard: false });
    expect((await api(jamf, token, 'GET', '/v2/patch-policies/9/dashboard')).status).toBe(404);
  });
});
