/**
 * Example: an app that downloads files and exports a CSV, tested against the mock. The client
 * reads each answer as the operation declares it (a `Blob` for a file), not as JSON.
 */
import { userCredentials } from '@jamf/auth';
import { setupJamfMock } from '@jamf/mock-server/vitest';
import { createProClient } from '@jamf/pro-api';
import { describe, expect, it } from 'vitest';
import { backUpScripts, packagesCsv } from '../app/back-up-scripts.js';

const jamf = setupJamfMock();

function adminClient() {
  const auth = userCredentials({ baseUrl: jamf.baseUrl, username: 'admin', password: 'jamf1234' });
  return createProClient({ baseUrl: jamf.baseUrl, auth });
}

describe('backUpScripts', () => {
  it('downloads every script as Jamf stores it', async () => {
    const jamfClient = adminClient();
    const created = await jamfClient.POST('/v1/scripts', {
      body: {
        name: 'Rename Mac',
        priority: 'AFTER',
        scriptContents: '#!/bin/zsh\nscutil --set ComputerName "$4"\n',
      },
    });
    const backups = await backUpScripts(jamfClient);
    expect(backups).toHaveLength(jamf.state.scripts.size);
    expect(backups.find((backup) => backup.id === created.data?.id)).toEqual({
      id: created.data?.id,
      name: 'Rename Mac',
      contents: '#!/bin/zsh\nscutil --set ComputerName "$4"\n',
    });
  });
});

describe('packagesCsv', () => {
  it('exports the packages with the chosen, relabelled columns', async () => {
    const jamfClient = adminClient();
    const packages =
      (await jamfClient.GET('/v1/packages', { params: { query: { sort: ['id:asc'] } } })).data
        ?.results ?? [];
    const csv = await packagesCsv(jamfClient);
    expect(csv.split('\r\n')).toEqual([
      'ID,Package,File',
      ...packages.map((item) => `${item.id},${item.packageName},${item.fileName}`),
      '',
    ]);
  });
});
