import { createHash } from 'node:crypto';
import { userCredentials } from '@jamf/auth';
import { setupJamfMock } from '@jamf/mock-server/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ClassicApiError,
  type ClassicUploadOptions,
  createClassicClient,
  type Middleware,
} from '../src/index.js';

const jamf = setupJamfMock();

afterEach(() => {
  vi.useRealTimers();
});

/** One request as the server was sent it: method, path, headers and the whole body. */
interface Sent {
  url: string;
  method: string;
  path: string;
  headers: Headers;
  body: Uint8Array;
}

/** The platform's fetch (msw answers it), recording each request it is given. */
function recordingFetch() {
  const sent: Sent[] = [];
  const statuses: number[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const copy = request.clone();
    sent.push({
      url: request.url,
      method: request.method,
      path: new URL(request.url).pathname,
      headers: request.headers,
      body: new Uint8Array(await copy.arrayBuffer()),
    });
    const response = await globalThis.fetch(request);
    statuses.push(response.status);
    return response;
  };
  return { sent, statuses, fetchImpl };
}

/** A client signed in as the mock's administrator, sending through `fetchImpl`. */
function client(fetchImpl?: typeof fetch, extra: { timeoutMs?: number } = {}) {
  const provider = userCredentials({
    baseUrl: jamf.baseUrl,
    username: 'admin',
    password: 'jamf1234',
  });
  const classic = createClassicClient({
    baseUrl: jamf.baseUrl,
    auth: provider,
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
    ...extra,
  });
  return { classic, provider };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Whether `haystack` holds `needle` as a run of bytes. */
function holds(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle));
}

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 0, 255]);

async function rejection(promise: Promise<unknown>): Promise<ClassicApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ClassicApiError))
    throw new Error(`expected a ClassicApiError, got ${String(error)}`);
  return error;
}

describe('classic.upload against @jamf/mock-server', () => {
  it('uploads a policy icon by id and by name; the policy shows it as its Self Service icon', async () => {
    const { classic, provider } = client();
    await using _ = provider;
    const id = await classic.policies.create({
      general: { name: 'Install Slack', enabled: true, frequency: 'Ongoing' },
    });
    await classic.upload({
      resource: 'policies',
      id,
      file: new File([png], 'slack.png', { type: 'image/png' }),
    });
    const policy = await classic.policies.get({ id });
    expect(policy.self_service?.self_service_icon?.filename).toBe('slack.png');

    await classic.upload({
      resource: 'policies',
      name: 'Install Slack',
      file: new Blob([png], { type: 'image/png' }),
      fileName: 'slack-2.png',
    });
    expect((await classic.policies.get({ id })).self_service?.self_service_icon?.filename).toBe(
      'slack-2.png',
    );
  });

  it('attaches bytes to a computer: one multipart part "name" with the file name, type and exact bytes', async () => {
    const wire = recordingFetch();
    const { classic, provider } = client(wire.fetchImpl);
    await using _ = provider;
    const [computer] = await classic.computers.list();
    if (computer?.id === undefined || computer.name === undefined)
      throw new Error('the mock lists no computer');
    const report = new TextEncoder().encode('disk report\n\u00e9t\u00e9 \u2713\n');
    await classic.upload({
      resource: 'computers',
      name: computer.name,
      file: report,
      fileName: 'report.txt',
      contentType: 'text/plain',
    });
    const [stored] = jamf.state.fileUploads.of('computers', computer.id, 'attachment');
    expect(stored).toMatchObject({
      fileName: 'report.txt',
      contentType: 'text/plain',
      sizeBytes: report.byteLength,
      sha256: sha256(report),
    });
    const upload = wire.sent.find((request) => request.path.includes('/fileuploads/'));
    expect(upload?.method).toBe('POST');
    expect(upload?.path).toBe(
      `/JSSResource/fileuploads/computers/name/${encodeURIComponent(computer.name)}`,
    );
    expect(upload?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload?.headers.get('user-agent')).toMatch(/^jamf-sdk-ts\/.* \(@jamf\/classic-api\)/);
  });

  it('answers 404 for an unknown object as ClassicApiError NOT_FOUND, nothing stored', async () => {
    const { classic, provider } = client();
    await using _ = provider;
    const error = await rejection(
      classic.upload({ resource: 'policies', id: 987_654, file: new File([png], 'x.png') }),
    );
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      method: 'POST',
      path: '/fileuploads/{resource}/{idType}/{id}',
    });
    expect(jamf.state.fileUploads.list()).toEqual([]);
  });

  it('after the server drops the token: one fresh token and one replay with the same bytes', async () => {
    const wire = recordingFetch();
    const { classic, provider } = client(wire.fetchImpl);
    await using _ = provider;
    const [computer] = await classic.computers.list();
    if (computer?.id === undefined) throw new Error('the mock lists no computer id');
    const first = await provider.getToken();
    jamf.expireTokens();
    const big = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 31) % 251);
    await classic.upload({
      resource: 'computers',
      id: computer.id,
      file: big,
      fileName: 'big.bin',
    });

    const uploads = wire.sent.filter((request) => request.path.includes('/fileuploads/'));
    expect(uploads).toHaveLength(2);
    const [refused, replayed] = uploads;
    if (refused === undefined || replayed === undefined) throw new Error('two uploads expected');
    expect(holds(refused.body, big)).toBe(true);
    expect(replayed.body).toEqual(refused.body);
    expect(replayed.headers.get('authorization')).not.toBe(refused.headers.get('authorization'));
    expect(replayed.headers.get('authorization')).not.toContain(first.token);
    const stored = jamf.state.fileUploads.of('computers', computer.id, 'attachment');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ sizeBytes: big.byteLength, sha256: sha256(big) });
  });

  it('uploads an app IPA with FORCE_IPA_UPLOAD=true when asked, and without it otherwise', async () => {
    const wire = recordingFetch();
    const { classic, provider } = client(wire.fetchImpl);
    await using _ = provider;
    const [app] = await classic.mobiledeviceapplications.list();
    if (app?.id === undefined) throw new Error('the mock lists no mobile device application');
    const ipa = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]);
    await classic.upload({
      resource: 'mobiledeviceapplicationsipa',
      id: app.id,
      file: ipa,
      fileName: 'App.ipa',
      forceIpaUpload: true,
    });
    await classic.upload({
      resource: 'mobiledeviceapplicationsicon',
      id: app.id,
      file: png,
      fileName: 'a.png',
    });
    const urls = wire.sent
      .filter((request) => request.path.includes('/fileuploads/'))
      .map((request) => request.url);
    expect(urls).toEqual([
      `${jamf.baseUrl}/JSSResource/fileuploads/mobiledeviceapplicationsipa/id/${app.id}?FORCE_IPA_UPLOAD=true`,
      `${jamf.baseUrl}/JSSResource/fileuploads/mobiledeviceapplicationsicon/id/${app.id}`,
    ]);
    expect(jamf.state.fileUploads.list().map((upload) => upload.kind)).toEqual(['app', 'icon']);
  });

  it('runs the client middleware and headers on an upload', async () => {
    const seen: string[] = [];
    const middleware: Middleware = {
      onRequest({ request }) {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return undefined;
      },
    };
    const wire = recordingFetch();
    const provider = userCredentials({
      baseUrl: jamf.baseUrl,
      username: 'admin',
      password: 'jamf1234',
    });
    await using _ = provider;
    const classic = createClassicClient({
      baseUrl: jamf.baseUrl,
      auth: provider,
      fetch: wire.fetchImpl,
      middleware: [middleware],
      headers: { 'x-team': 'mac-ops', 'content-type': 'application/xml' },
    });
    const [computer] = await classic.computers.list();
    if (computer?.id === undefined) throw new Error('the mock lists no computer id');
    await classic.upload({ resource: 'computers', id: computer.id, file: png, fileName: 'a.bin' });
    expect(seen).toContain(`POST /JSSResource/fileuploads/computers/id/${computer.id}`);
    const upload = wire.sent.find((request) => request.path.includes('/fileuploads/'));
    expect(upload?.headers.get('x-team')).toBe('mac-ops');
    expect(upload?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('an upload with no answer in time rejects with TIMEOUT naming its method and path', async () => {
    const { classic, provider } = client(undefined, { timeoutMs: 5_000 });
    await using _ = provider;
    await provider.getToken();
    vi.useFakeTimers();
    jamf.faults.add({ path: '/JSSResource/fileuploads/*', latencyMs: 60_000 });
    let settled = false;
    const outcome = rejection(
      classic.upload({ resource: 'policies', id: 1, file: new File([png], 'late.png') }),
    ).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({
      code: 'TIMEOUT',
      method: 'POST',
      path: '/fileuploads/policies/id/1',
    });
  });
});

describe('classic.upload refuses bad input before sending anything', () => {
  const file = new File([png], 'icon.png');
  const cases: Array<[string, unknown, string]> = [
    ['an unknown resource', { resource: 'scripts', id: 1, file }, 'UNKNOWN_RESOURCE'],
    ['a resource in another case', { resource: 'Policies', id: 1, file }, 'UNKNOWN_RESOURCE'],
    ['id 0', { resource: 'policies', id: 0, file }, 'INVALID_REQUEST'],
    ['a negative id', { resource: 'policies', id: -3, file }, 'INVALID_REQUEST'],
    ['a fractional id', { resource: 'policies', id: 1.5, file }, 'INVALID_REQUEST'],
    ['an id as text', { resource: 'policies', id: '5', file }, 'INVALID_REQUEST'],
    ['an empty name', { resource: 'policies', name: '', file }, 'INVALID_REQUEST'],
    ['a blank name', { resource: 'policies', name: '  ', file }, 'INVALID_REQUEST'],
    ['neither id nor name', { resource: 'policies', file }, 'INVALID_REQUEST'],
    ['both id and name', { resource: 'policies', id: 1, name: 'x', file }, 'INVALID_REQUEST'],
    ['a peripheral by name', { resource: 'peripherals', name: 'Printer', file }, 'INVALID_REQUEST'],
    ['no file', { resource: 'policies', id: 1, fileName: 'x.png' }, 'INVALID_REQUEST'],
    [
      'a file as text',
      { resource: 'policies', id: 1, file: 'x', fileName: 'x.png' },
      'INVALID_REQUEST',
    ],
    ['bytes without a file name', { resource: 'policies', id: 1, file: png }, 'INVALID_REQUEST'],
    ['an empty file name', { resource: 'policies', id: 1, file, fileName: '' }, 'INVALID_REQUEST'],
    [
      'a content type not text',
      { resource: 'policies', id: 1, file, contentType: 5 },
      'INVALID_REQUEST',
    ],
    [
      'a content type with a line break',
      { resource: 'policies', id: 1, file, contentType: 'image/png\r\nX-Injected: 1' },
      'INVALID_REQUEST',
    ],
    [
      'an empty content type',
      { resource: 'policies', id: 1, file, contentType: '' },
      'INVALID_REQUEST',
    ],
    [
      'a content type without a subtype',
      { resource: 'policies', id: 1, file, contentType: 'png' },
      'INVALID_REQUEST',
    ],
    [
      'a content type with non-ASCII',
      { resource: 'policies', id: 1, file, contentType: 'image/pñg' },
      'INVALID_REQUEST',
    ],
    [
      'forceIpaUpload on an icon',
      { resource: 'mobiledeviceapplicationsicon', id: 1, file, forceIpaUpload: true },
      'INVALID_REQUEST',
    ],
    [
      'forceIpaUpload not a boolean',
      { resource: 'mobiledeviceapplicationsipa', id: 1, file, forceIpaUpload: 'yes' },
      'INVALID_REQUEST',
    ],
    ['no options', undefined, 'INVALID_REQUEST'],
  ];

  it.each(cases)('%s', async (_, options, code) => {
    let sent = 0;
    const classic = createClassicClient({
      baseUrl: jamf.baseUrl,
      fetch: async () => {
        sent += 1;
        return new Response(null, { status: 201 });
      },
    });
    const error = await rejection(classic.upload(options as ClassicUploadOptions));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^upload: /);
    expect(sent).toBe(0);
  });
});
