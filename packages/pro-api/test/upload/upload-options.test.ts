import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackageUploadError, uploadPackage } from '../../src/upload/index.js';

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upload-options-'));
  file = join(dir, 'app.pkg');
  await writeFile(file, 'package bytes');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fetch that counts calls: a refused upload must send nothing (no package record created). */
function counting() {
  const calls: string[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return Response.json({ totalCount: 0, results: [] });
  };
  return { calls, fetchImpl };
}

const tokens = { getToken: async () => ({ token: 'tok' }) };

async function refusal(promise: Promise<unknown>): Promise<PackageUploadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PackageUploadError)) {
    throw new Error(`expected a PackageUploadError, got ${String(error)}`);
  }
  return error;
}

describe('uploadPackage refuses a connection or options it cannot use, before sending', () => {
  const connections: Array<[string, unknown]> = [
    ['no connection', null],
    ['no tokens', { baseUrl: 'https://jamf.example.com' }],
    ['tokens without getToken', { baseUrl: 'https://jamf.example.com', tokens: {} }],
    ['an unknown transport', { baseUrl: 'https://jamf.example.com', tokens, transport: 'ftp' }],
    [
      'a NaN answerTimeoutMs',
      { baseUrl: 'https://jamf.example.com', tokens, answerTimeoutMs: Number.NaN },
    ],
    [
      'a negative answerTimeoutMs',
      { baseUrl: 'https://jamf.example.com', tokens, answerTimeoutMs: -1 },
    ],
    [
      'an answerTimeoutMs as text',
      { baseUrl: 'https://jamf.example.com', tokens, answerTimeoutMs: '5' },
    ],
    [
      'a dispatcher without dispatch',
      { baseUrl: 'https://jamf.example.com', tokens, dispatcher: {} },
    ],
    ['headers that are a number', { baseUrl: 'https://jamf.example.com', tokens, headers: 5 }],
    [
      'a header value with a line break',
      { baseUrl: 'https://jamf.example.com', tokens, headers: { 'x-trace': 'a\r\nx-injected: 1' } },
    ],
  ];
  for (const [name, connection] of connections) {
    it(`${name}: INVALID_OPTIONS, not a TypeError`, async () => {
      const error = await refusal(
        uploadPackage(connection as never, { file, packageName: 'app.pkg', create: true }),
      );
      expect(error.code).toBe('INVALID_OPTIONS');
    });
  }

  // Built when each test runs: `file` exists only after beforeAll.
  const options: Array<[string, () => unknown]> = [
    ['no options', () => null],
    ['a NaN packageId', () => ({ file, packageId: Number.NaN })],
    ['an object packageId', () => ({ file, packageId: {} })],
    [
      'packageId ".." (a dot segment: /v1/packages/../upload is /v1/upload)',
      () => ({ file, packageId: '..' }),
    ],
    ['packageId "."', () => ({ file, packageId: '.' })],
    ['an onProgress that is not a function', () => ({ file, packageId: 1, onProgress: 'log' })],
    ['a signal that is not an AbortSignal', () => ({ file, packageId: 1, signal: 5 })],
    ['create that is a number', () => ({ file, packageName: 'app.pkg', create: 5 })],
  ];
  for (const [name, given] of options) {
    it(`${name}: INVALID_OPTIONS, and no package record is created`, async () => {
      const { calls, fetchImpl } = counting();
      const connection = {
        baseUrl: 'https://jamf.example.com',
        tokens,
        transport: 'fetch' as const,
        fetch: fetchImpl,
      };
      const error = await refusal(uploadPackage(connection, given() as never));
      expect(error.code).toBe('INVALID_OPTIONS');
      expect(calls).toEqual([]);
    });
  }
});

describe('uploadPackage with a token source or progress callback that misbehaves', () => {
  const connectionWith = (given: unknown, fetchImpl: typeof fetch) => ({
    baseUrl: 'https://jamf.example.com',
    tokens: { getToken: async () => given as { token: string } },
    transport: 'fetch' as const,
    fetch: fetchImpl,
  });

  it.each([
    ['nothing', undefined],
    ['no token field', {}],
    ['a token with a line break', { token: 'SECRET-TOKEN-99\r\nx: y' }],
    ['an empty token', { token: '' }],
  ])(
    'getToken resolving with %s: INVALID_OPTIONS that does not quote it, nothing sent',
    async (_, given) => {
      const { calls, fetchImpl } = counting();
      const error = await refusal(
        uploadPackage(connectionWith(given, fetchImpl), { file, packageId: 1 }),
      );
      expect(error.code).toBe('INVALID_OPTIONS');
      expect(String(error)).not.toContain('SECRET-TOKEN-99');
      expect(calls).toEqual([]);
    },
  );

  it("an onProgress that throws: the upload rejects with the callback's own error", async () => {
    const fetchImpl: typeof fetch = async (_input, init) => {
      // Reads the streamed body, as a server would, so the progress callback runs.
      await new Response((init?.body ?? null) as BodyInit | null).arrayBuffer();
      return Response.json({ id: '1' });
    };
    const mine = new Error('progress bar went away');
    const error = await uploadPackage(connectionWith({ token: 'tok' }, fetchImpl), {
      file,
      packageId: 1,
      onProgress: () => {
        throw mine;
      },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBe(mine);
  });
});
