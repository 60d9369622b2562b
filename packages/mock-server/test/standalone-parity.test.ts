import { request as httpRequest } from 'node:http';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJamfMock, type JamfMockServer, startJamfMockServer } from '../src/index.js';
import { basic } from './support/auth-support.js';

// The standalone server answers through its own adapter (no msw, no Fetch Request unless a
// handler reads the body, JSON text written as built); in-process answers go through the mock's
// msw handlers. Both must give a client the same status, content type and body.

const options = { seed: 7, counts: { computers: 12 } };
const inProcess = createJamfMock(options);
let standalone: JamfMockServer;

/** `fetch` answered by the in-process mock's msw handlers, as msw's interception would. */
async function viaHandlers(input: string, init?: RequestInit): Promise<Response> {
  const response = await getResponse(inProcess.handlers, new Request(input, init));
  if (response === undefined) throw new Error(`no handler answered ${input}`);
  return response;
}

beforeAll(async () => {
  standalone = await startJamfMockServer({ ...options, port: 0 });
});

afterAll(async () => {
  await standalone.close();
});

function fetcherOf(baseUrl: string): typeof viaHandlers {
  return baseUrl === inProcess.baseUrl ? viaHandlers : fetch;
}

async function tokenOf(baseUrl: string): Promise<string> {
  const response = await fetcherOf(baseUrl)(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: basic('admin', 'jamf1234') },
  });
  return ((await response.json()) as { token: string }).token;
}

interface Answer {
  status: number;
  contentType: string | null;
  allow: string | null;
  body: string;
}

async function answerOf(
  baseUrl: string,
  method: string,
  path: string,
  init: { bearer?: boolean; body?: string; contentType?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.bearer) headers.authorization = `Bearer ${await tokenOf(baseUrl)}`;
  if (init.contentType) headers['content-type'] = init.contentType;
  const response = await fetcherOf(baseUrl)(`${baseUrl}${path}`, {
    method,
    headers,
    body: init.body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    allow: response.headers.get('allow'),
    body: await response.text(),
  };
}

const SAMPLE: [string, string, Parameters<typeof answerOf>[3]][] = [
  ['GET', '/api/v1/computers-inventory?section=GENERAL&page=0&page-size=5', { bearer: true }],
  ['GET', '/api/v1/computers-inventory?section=NOPE', { bearer: true }],
  ['GET', '/api/v1/computers-inventory?sort=nope:asc', { bearer: true }],
  ['GET', '/api/v1/buildings?page-size=3', { bearer: true }],
  ['GET', '/api/v1/api-roles', {}],
  ['GET', '/api/v1/no-such-thing', { bearer: true }],
  ['DELETE', '/api/v1/auth/token', { bearer: true }],
  ['OPTIONS', '/api/v1/buildings', { bearer: true }],
  ['HEAD', '/api/v1/buildings', { bearer: true }],
  ['GET', '/JSSResource/buildings', { bearer: true }],
  ['GET', '/JSSResource/buildings', {}],
  [
    'POST',
    '/api/v1/buildings',
    { bearer: true, body: '{"name":', contentType: 'application/json' },
  ],
  ['POST', '/api/v1/buildings', { bearer: true, body: '{}', contentType: 'application/json' }],
  ['POST', '/api/v1/auth/token', {}],
];

describe('standalone and in-process answers', () => {
  it.each(SAMPLE)('%s %s: same status, content type and body', async (method, path, init) => {
    const viaMsw = await answerOf(inProcess.baseUrl, method, path, init);
    const viaServer = await answerOf(standalone.url, method, path, init);
    expect(viaServer).toEqual(viaMsw);
  });

  it('sends a body of known length with Content-Length, not chunked', async () => {
    const bearer = await tokenOf(standalone.url);
    const { headers, body } = await rawGet(
      `${standalone.url}/api/v1/computers-inventory?page-size=3`,
      { authorization: `Bearer ${bearer}` },
    );
    expect(headers['transfer-encoding']).toBeUndefined();
    expect(Number(headers['content-length'])).toBe(body.byteLength);
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ totalCount: 12 });
  });

  it('serves a page asked again (then written from kept bytes) as the same bytes and length', async () => {
    const bearer = await tokenOf(standalone.url);
    const page = `${standalone.url}/api/v1/computers-inventory?section=GENERAL&page-size=12`;
    const first = await rawGet(page, { authorization: `Bearer ${bearer}` });
    const { id } = (JSON.parse(first.body.toString('utf8')) as { results: { id: string }[] })
      .results[0]!;
    // A non-ASCII value makes the UTF-8 length differ from the text's.
    const patched = await fetch(`${standalone.url}/api/v1/computers-inventory-detail/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ general: { assetTag: 'Étiquette – ü' } }),
    });
    expect(patched.status).toBe(200);
    const answers = [];
    for (let round = 0; round < 3; round++) {
      answers.push(await rawGet(page, { authorization: `Bearer ${bearer}` }));
    }
    const [once, ...again] = answers;
    expect(once!.body.toString('utf8')).toContain('Étiquette – ü');
    for (const answer of [once!, ...again]) {
      expect(Number(answer.headers['content-length'])).toBe(answer.body.byteLength);
      expect(answer.body.equals(once!.body)).toBe(true);
    }
  });

  it('reads a repeated header as Fetch does (values joined), not as its first line alone', async () => {
    const bearer = `Bearer ${await tokenOf(standalone.url)}`;
    const path = '/api/v1/buildings';
    const viaMsw = await viaHandlers(`${inProcess.baseUrl}${path}`, {
      headers: [
        ['authorization', `Bearer ${await tokenOf(inProcess.baseUrl)}`],
        ['authorization', `Bearer ${await tokenOf(inProcess.baseUrl)}`],
      ],
    });
    const viaServer = await raw(`${standalone.url}${path}`, 'GET', {
      authorization: [bearer, bearer],
    });
    expect(viaMsw.status).toBe(401);
    expect(viaServer.status).toBe(viaMsw.status);
  });

  it('answers a token POST whose (empty) body is chunked, as node:http clients send it', async () => {
    const { status, body } = await rawPost(`${standalone.url}/api/v1/auth/token`, {
      authorization: basic('admin', 'jamf1234'),
    });
    expect(status).toBe(200);
    expect(JSON.parse(body.toString('utf8'))).toHaveProperty('token');
  });
});

type RawAnswer = { status: number; headers: Record<string, unknown>; body: Buffer };

function rawGet(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return raw(url, 'GET', headers);
}

/** A POST with no body and no Content-Length: node:http sends it chunked. */
function rawPost(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return raw(url, 'POST', headers);
}

function raw(
  url: string,
  method: string,
  headers: Record<string, string | string[]>,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}
