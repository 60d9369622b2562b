import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Pro's computer attachments and icons are the uploads Classic `fileuploads` records: one store,
// whichever API uploaded a file, listed by both APIs' views.
const jamf = setupJamfMock({ seed: 3, counts: { computers: 4, mobileDevices: 1 } });
watchContract(jamf);

/** A multipart body with one file part `part`. */
function fileForm(part: string, fileName: string, type: string, content: string): FormData {
  const form = new FormData();
  form.append(part, new Blob([content], { type }), fileName);
  return form;
}

async function post(path: string, form: FormData): Promise<Response> {
  return fetch(`${jamf.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await userToken(jamf)}` },
    body: form,
  });
}

interface Attachment {
  id: string;
  name: string;
  fileType: string;
  sizeBytes: number;
}

async function listedAttachments(computerId: number): Promise<Attachment[] | undefined> {
  const token = await userToken(jamf);
  const page = (await (
    await api(jamf, token, 'GET', '/v1/computers-inventory?section=ATTACHMENTS&page-size=100')
  ).json()) as { results: { id: string; attachments?: Attachment[] }[] };
  return page.results.find((row) => row.id === String(computerId))?.attachments;
}

describe('Pro computer attachments', () => {
  it('an attachment posted through Pro lists in the computer, reads, and deletes', async () => {
    const token = await userToken(jamf);
    expect(await listedAttachments(2)).toEqual([]);
    const created = await post(
      '/api/v1/computers-inventory/2/attachments',
      fileForm('file', 'receipt.pdf', 'application/pdf', 'twelve bytes'),
    );
    expect(created.status).toBe(201);
    const { id, href } = (await created.json()) as { id: string; href: string };
    expect(href).toBe(`${jamf.baseUrl}/api/v1/computers-inventory/2/attachments/${id}`);
    const expected = { id, name: 'receipt.pdf', fileType: 'application/pdf', sizeBytes: 12 };
    const detail = (await (
      await api(jamf, token, 'GET', '/v1/computers-inventory-detail/2')
    ).json()) as { attachments: Attachment[] };
    expect(detail.attachments).toEqual([expected]);
    expect(await listedAttachments(2)).toEqual([expected]);
    expect(await listedAttachments(1)).toEqual([]);

    const read = await api(jamf, token, 'GET', `/v3/computers-inventory/2/attachments/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-disposition')).toBe('attachment; filename="receipt.pdf"');
    await read.text();
    // Another computer's attachment is not this computer's.
    expect(
      (await api(jamf, token, 'GET', `/v1/computers-inventory/1/attachments/${id}`)).status,
    ).toBe(404);

    expect(
      (await api(jamf, token, 'DELETE', `/v1/computers-inventory/2/attachments/${id}`)).status,
    ).toBe(204);
    expect(await listedAttachments(2)).toEqual([]);
    expect(
      (await api(jamf, token, 'DELETE', `/v1/computers-inventory/2/attachments/${id}`)).status,
    ).toBe(404);
    expect(
      (await api(jamf, token, 'GET', `/v1/computers-inventory/2/attachments/${id}`)).status,
    ).toBe(404);
  });

  it('an attachment posted through Classic lists in the Pro computer list, and Pro deletes it', async () => {
    const token = await userToken(jamf);
    // Read the list first, so the next read must notice the upload.
    expect(await listedAttachments(3)).toEqual([]);
    const classic = await post(
      '/JSSResource/fileuploads/computers/id/3',
      fileForm('name', 'notes.txt', 'text/plain', 'hello'),
    );
    expect(classic.status).toBe(201);
    const listed = await listedAttachments(3);
    expect(listed).toMatchObject([{ name: 'notes.txt', sizeBytes: 5 }]);
    const id = listed?.[0]?.id;
    expect(
      (await api(jamf, token, 'DELETE', `/v2/computers-inventory/3/attachments/${id}`)).status,
    ).toBe(204);
    expect(jamf.state.fileUploads.of('computers', 3, 'attachment')).toEqual([]);
  });

  it('refuses an upload to a computer that does not exist, storing nothing', async () => {
    const before = jamf.state.fileUploads.list();
    const refused = await post(
      '/api/v1/computers-inventory/999/attachments',
      fileForm('file', 'a.txt', 'text/plain', 'x'),
    );
    expect(refused.status).toBe(404);
    expect(jamf.state.fileUploads.list()).toEqual(before);
  });
});

describe('Pro icons', () => {
  it('an icon posted to /v1/icon is readable by its id', async () => {
    const created = await post('/api/v1/icon', fileForm('file', 'app.png', 'image/png', 'png'));
    expect(created.status).toBe(201);
    const icon = (await created.json()) as { id: number; url: string };
    expect(icon.url).toMatch(/\/icon\/hash_[0-9a-f]{64}$/);
    const token = await userToken(jamf);
    const read = await api(jamf, token, 'GET', `/v1/icon/${icon.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(icon);
    expect(jamf.state.fileUploads.get(icon.id)).toMatchObject({
      kind: 'icon',
      fileName: 'app.png',
      sizeBytes: 3,
    });
  });

  it('reads an icon Classic gave a policy, and 404 for an id naming no icon', async () => {
    const classic = await post(
      '/JSSResource/fileuploads/policies/id/1',
      fileForm('name', 'policy.png', 'image/png', 'icon'),
    );
    expect(classic.status).toBe(201);
    const uploaded = jamf.state.fileUploads.latest('policies', 1, 'icon');
    const token = await userToken(jamf);
    const read = await api(jamf, token, 'GET', `/v1/icon/${uploaded?.id}`);
    expect(await read.json()).toMatchObject({ id: uploaded?.id });
    expect((await api(jamf, token, 'GET', '/v1/icon/4242')).status).toBe(404);
  });
});
