import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { classic, classicJson, classicWrite } from './support/patch-support.js';

// Patch sources: Jamf's internal one (read-only), external ones (CRUD), the titles each offers,
// and a title's source_id naming one of them.
const jamf = setupJamfMock({ seed: 3 });
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

const EXTERNAL =
  '<patch_external_source><name>Title Editor</name><host_name>patch.example.com</host_name><port>443</port><ssl_enabled>true</ssl_enabled><enabled>true</enabled></patch_external_source>';

describe('patch sources', () => {
  it("has Jamf's internal source only, id 1, read by id, name and list, never written", async () => {
    expect(
      await classicJson(jamf, token, '/patchinternalsources', 'patch_internal_sources'),
    ).toEqual([{ id: 1, name: 'Jamf' }]);
    const jamfSource = await classicJson(
      jamf,
      token,
      '/patchinternalsources/name/jamf',
      'patch_internal_source',
    );
    expect(jamfSource).toMatchObject({ id: 1, name: 'Jamf', enabled: true });
    expect((await classic(jamf, token, '/patchinternalsources/id/2')).status).toBe(404);
    const post = await classic(jamf, token, '/patchinternalsources/id/0', {
      method: 'POST',
      body: '<patch_internal_source><name>Mine</name></patch_internal_source>',
    });
    expect(post.status).toBe(405);
  });

  it('creates, reads, renames and deletes an external source, its ids after the internal one', async () => {
    expect(
      await classicJson(jamf, token, '/patchexternalsources', 'patch_external_sources'),
    ).toEqual([]);
    const id = await classicWrite(jamf, token, '/patchexternalsources/id/0', EXTERNAL);
    expect(id).toBe(2);
    expect(
      await classicJson(jamf, token, `/patchexternalsources/id/${id}`, 'patch_external_source'),
    ).toMatchObject({ id, name: 'Title Editor', host_name: 'patch.example.com', port: 443 });
    await classicWrite(
      jamf,
      token,
      `/patchexternalsources/id/${id}`,
      '<patch_external_source><name>Title Editor (EU)</name></patch_external_source>',
      'PUT',
    );
    expect(
      await classicJson(
        jamf,
        token,
        '/patchexternalsources/name/Title%20Editor%20(EU)',
        'patch_external_source',
      ),
    ).toMatchObject({ id, host_name: 'patch.example.com' });
    const deleted = await classic(jamf, token, `/patchexternalsources/id/${id}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(200);
    expect((await classic(jamf, token, `/patchexternalsources/id/${id}`)).status).toBe(404);
  });

  it("lists the titles a source offers: Jamf's catalogue, none from an external source, 404 for no source", async () => {
    const { available_titles: offered } = await classicJson<{
      available_titles: Record<string, string>[];
    }>(jamf, token, '/patchavailabletitles/sourceid/1', 'patch_available_titles');
    expect(offered.map((title) => title.name_id)).toEqual(
      expect.arrayContaining(['GoogleChrome', 'Firefox', 'ZoomClient', 'MicrosoftWord']),
    );
    expect(offered[0]).toEqual({
      name_id: 'GoogleChrome',
      current_version: '131.0.6778.86',
      publisher: 'Google',
      last_modified: '2026-11-20T08:00:00Z',
      app_name: 'Google Chrome',
    });
    const asXml = await (await classic(jamf, token, '/patchavailabletitles/sourceid/1')).text();
    expect(asXml).toMatch(
      /^<\?xml[^>]*><patch_available_titles><available_titles><size>\d+<\/size><available_title><name_id>GoogleChrome<\/name_id>/,
    );
    const external = await classicWrite(jamf, token, '/patchexternalsources/id/0', EXTERNAL);
    expect(
      await classicJson(
        jamf,
        token,
        `/patchavailabletitles/sourceid/${external}`,
        'patch_available_titles',
      ),
    ).toEqual({ available_titles: [] });
    expect((await classic(jamf, token, '/patchavailabletitles/sourceid/9')).status).toBe(404);
  });

  it("refuses a title whose source_id names no source, and one the source doesn't offer", async () => {
    const external = await classicWrite(jamf, token, '/patchexternalsources/id/0', EXTERNAL);
    const title = (source: number, nameId: string) =>
      classic(jamf, token, '/patchsoftwaretitles/id/0', {
        method: 'POST',
        body: `<patch_software_title><name>Title</name><name_id>${nameId}</name_id><source_id>${source}</source_id></patch_software_title>`,
      });
    expect((await title(external + 1, 'Slack')).status).toBe(409);
    expect((await title(external, 'Slack')).status).toBe(409);
    expect((await title(1, 'Slack')).status).toBe(201);
    const bad = await api(jamf, token, 'POST', '/v3/patch-software-title-configurations', {
      displayName: 'Nothing',
      softwareTitleId: '0',
    });
    expect(bad.status).toBe(400);
  });
});
