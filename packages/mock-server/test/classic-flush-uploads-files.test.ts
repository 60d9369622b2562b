import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Classic fileuploads: a policy icon becomes the policy's Self Service icon, a computer's
// attachment is listed by the Pro API's ATTACHMENTS section.
const jamf = setupJamfMock({ seed: 13 });
watchContract(jamf);

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** A form with the file as part `part` (`name`, as `curl -F name=@icon.png` sends it). */
function form(fileName: string, part = 'name', bytes: Uint8Array<ArrayBuffer> = PNG): FormData {
  const body = new FormData();
  body.append(part, new Blob([bytes], { type: 'image/png' }), fileName);
  return body;
}

async function upload(path: string, body: BodyInit, token?: string): Promise<Response> {
  return fetch(`${jamf.baseUrl}/JSSResource/fileuploads/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token ?? (await userToken(jamf))}` },
    body,
  });
}

async function classicJson<T>(path: string): Promise<T> {
  const response = await fetch(`${jamf.baseUrl}/JSSResource${path}`, {
    headers: { authorization: `Bearer ${await userToken(jamf)}`, accept: 'application/json' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

interface PolicySelfService {
  policy: { self_service: Record<string, unknown> };
}

describe('POST /JSSResource/fileuploads/policies/{idType}/{id}', () => {
  it('makes the last uploaded icon the policy’s Self Service icon, by id and by name', async () => {
    const before = await classicJson<PolicySelfService>('/policies/id/1');
    expect(before.policy.self_service.self_service_icon).toBeUndefined();

    const first = await upload('policies/id/1', form('first.png'));
    expect(first.status).toBe(201);
    expect(await first.text()).toBe('');
    const name = jamf.state.policies.get(1)?.name ?? '';
    const second = await upload(`policies/name/${encodeURIComponent(name)}`, form('Firefox.png'));
    expect(second.status).toBe(201);

    const after = await classicJson<PolicySelfService>('/policies/id/1');
    expect(after.policy.self_service).toMatchObject({
      use_for_self_service: false,
      self_service_icon: { id: 2, filename: 'Firefox.png', uri: '' },
    });
    const xml = await (
      await fetch(`${jamf.baseUrl}/JSSResource/policies/id/1`, {
        headers: { authorization: `Bearer ${await userToken(jamf)}`, accept: 'application/xml' },
      })
    ).text();
    expect(xml).toContain('<filename>Firefox.png</filename>');
    const other = await classicJson<PolicySelfService>('/policies/id/2');
    expect(other.policy.self_service.self_service_icon).toBeUndefined();
  });

  it('records the file’s name, type, size and sha256, not its bytes', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-03-01T12:00:00Z'));
    try {
      expect((await upload('policies/id/1', form('big.png', 'name', bytes))).status).toBe(201);
    } finally {
      vi.useRealTimers();
    }
    expect(jamf.state.fileUploads.list()).toEqual([
      {
        id: 1,
        segment: 'policies',
        objectId: 1,
        kind: 'icon',
        fileName: 'big.png',
        contentType: 'image/png',
        sizeBytes: 70_000,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedAt: Date.parse('2026-03-01T12:00:00Z'),
      },
    ]);
  });
});

describe('POST /JSSResource/fileuploads/computers/{idType}/{id}', () => {
  it('lists the computer’s attachments in the Pro API’s ATTACHMENTS section', async () => {
    const computer = [...jamf.state.computers.values()][0];
    const id = computer?.id ?? 0;
    expect((await upload(`computers/id/${id}`, form('receipt.pdf'))).status).toBe(201);
    expect(
      (await upload(`computers/name/${encodeURIComponent(computer?.name ?? '')}`, form('b.png')))
        .status,
    ).toBe(201);
    const token = await userToken(jamf);
    const response = await api(
      jamf,
      token,
      'GET',
      `/v1/computers-inventory/${id}?section=ATTACHMENTS`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { attachments: unknown[] };
    expect(body.attachments).toEqual([
      { id: '1', name: 'receipt.pdf', fileType: 'image/png', sizeBytes: PNG.length },
      { id: '2', name: 'b.png', fileType: 'image/png', sizeBytes: PNG.length },
    ]);
    const detail = (await (
      await api(jamf, token, 'GET', `/v1/computers-inventory-detail/${id}`)
    ).json()) as { attachments: unknown[] };
    expect(detail.attachments).toHaveLength(2);
  });
});

describe('POST /JSSResource/fileuploads/ebooks/id/{id}', () => {
  it('finds the eBook among the Pro API’s /v1/ebooks, which Classic ebooks shows', async () => {
    const list = await classicJson<{ ebooks: { id: number; name: string }[] }>('/ebooks');
    const [ebook] = list.ebooks;
    const id = ebook?.id ?? 0;
    const byName = await upload(
      `ebooks/name/${encodeURIComponent(ebook?.name ?? '')}`,
      form('cover.png'),
    );
    expect(byName.status).toBe(201);
    expect(jamf.state.fileUploads.latest('ebooks', id, 'icon')?.fileName).toBe('cover.png');
    expect((await upload('ebooks/id/999999', form('cover.png'))).status).toBe(404);
  });
});

describe('refusals', () => {
  it('refuses an unknown resource or id type, peripheral names, and an unknown object', async () => {
    const cases: [string, number][] = [
      ['widgets/id/1', 400],
      ['policies/serialnumber/1', 400],
      ['peripherals/name/keyboard', 400],
      ['peripherals/id/1', 404],
      ['policies/id/999999', 404],
      ['policies/name/No%20such%20policy', 404],
      ['computers/id/abc', 404],
    ];
    for (const [path, status] of cases) {
      const response = await upload(path, form('x.png'));
      expect([path, response.status]).toEqual([path, status]);
      expect(response.headers.get('content-type')).toContain('text/html');
    }
    expect(jamf.state.fileUploads.list()).toEqual([]);
  });

  it('refuses a body that is not multipart or lacks the part name, and needs Update on the object', async () => {
    const wrongPart = await upload('policies/id/1', form('x.png', 'file'));
    expect(wrongPart.status).toBe(400);
    expect(await wrongPart.text()).toContain('part named name');
    const notMultipart = await upload('policies/id/1', 'just text');
    expect(notMultipart.status).toBe(400);

    jamf.state.accounts.add({ username: 'reader', password: 'pw', privileges: ['Read Policies'] });
    const denied = await upload(
      'policies/id/1',
      form('x.png'),
      await userToken(jamf, 'reader', 'pw'),
    );
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain('Update Policies');
    jamf.state.accounts.add({
      username: 'editor',
      password: 'pw',
      privileges: ['Update Policies'],
    });
    const allowed = await upload(
      'policies/id/1',
      form('x.png'),
      await userToken(jamf, 'editor', 'pw'),
    );
    expect(allowed.status).toBe(201);
    expect(jamf.state.fileUploads.list()).toHaveLength(1);
  });
});
