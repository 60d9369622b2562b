import { type ProClient, paginate, unwrap } from '@jamf/pro-api';

/** One script as backed up: its id, name and contents as Jamf stores them. */
export interface ScriptBackup {
  id: string;
  name: string;
  contents: string;
}

/**
 * The app under test in `test/back-up-scripts.test.ts`: lists every script and downloads each
 * one's file (`GET /v1/scripts/{id}/download`, which the client reads as a `Blob`, as the spec
 * calls it a file).
 */
export async function backUpScripts(jamf: ProClient): Promise<ScriptBackup[]> {
  const backups: ScriptBackup[] = [];
  for await (const script of paginate(jamf, '/v1/scripts', {
    params: { query: { sort: ['id:asc'] } },
  })) {
    const id = script.id ?? '';
    const file = await unwrap(jamf.GET('/v1/scripts/{id}/download', { params: { path: { id } } }));
    backups.push({ id, name: script.name ?? '', contents: await file.text() });
  }
  return backups;
}

/**
 * The first 1,000 packages as CSV, with the columns a spreadsheet wants
 * (`POST /v1/packages/export`: Jamf writes the CSV, the client reads the file as a `Blob`).
 */
export async function packagesCsv(jamf: ProClient): Promise<string> {
  const file = await unwrap(
    jamf.POST('/v1/packages/export', {
      body: {
        fields: [
          { fieldName: 'id', fieldLabelOverride: 'ID' },
          { fieldName: 'packageName', fieldLabelOverride: 'Package' },
          { fieldName: 'fileName', fieldLabelOverride: 'File' },
        ],
        sort: ['id:asc'],
        page: 0,
        pageSize: 1000,
      },
    }),
  );
  return file.text();
}
