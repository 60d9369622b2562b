import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JamfApiError } from '../../src/index.js';
import { PackageUploadError, type UploadProgress, uploadPackage } from '../../src/upload/index.js';
import { startUploadServer, type UploadServer } from '../support/upload-server.js';

let server: UploadServer;
let dir: string;
beforeEach(async () => {
  server = await startUploadServer();
  dir = await mkdtemp(join(tmpdir(), 'jamf-upload-'));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A token source that hands out `t1`, `t2`, … and records what it was told. */
function tokens() {
  let issued = 0;
  let current = `t${++issued}`;
  const invalidated: string[] = [];
  return {
    invalidated,
    async getToken() {
      return { token: current };
    },
    async invalidate(token: { readonly token: string }) {
      invalidated.push(token.token);
      if (token.token === current) current = `t${++issued}`;
    },
  };
}

/** A file of `size` bytes with varied content, and its sha256. */
async function fileOf(name: string, size: number): Promise<{ path: string; sha256: string }> {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
}

describe('uploadPackage', () => {
  it('streams the file as the multipart part "file" to an existing record, reporting progress', async () => {
    const file = await fileOf('Tool 1.0.pkg', 3 * 1024 * 1024 + 17);
    const progress: UploadProgress[] = [];
    const result = await uploadPackage(
      { baseUrl: server.url, tokens: tokens() },
      { packageId: 7, file: file.path, onProgress: (p) => progress.push(p) },
    );
    expect(result).toEqual({ packageId: '7', created: false, bytes: 3 * 1024 * 1024 + 17 });
    expect(server.uploads).toEqual([
      {
        packageId: '7',
        fieldName: 'file',
        fileName: 'Tool 1.0.pkg',
        sizeBytes: 3 * 1024 * 1024 + 17,
        sha256: file.sha256,
        authorization: 'Bearer t1',
      },
    ]);
    expect(progress.at(-1)).toEqual({
      bytesSent: 3 * 1024 * 1024 + 17,
      totalBytes: 3 * 1024 * 1024 + 17,
    });
    expect(progress.length).toBeGreaterThanOrEqual(2);
  });

  it('finds the record by name, or creates it when asked', async () => {
    const file = await fileOf('Firefox.pkg', 1000);
    server.packages.set('Existing.pkg', '42');
    const found = await uploadPackage(
      { baseUrl: server.url, tokens: tokens() },
      { packageName: 'Existing.pkg', file: file.path },
    );
    expect(found).toMatchObject({ packageId: '42', created: false });
    const made = await uploadPackage(
      { baseUrl: `${server.url}/api/`, tokens: tokens() },
      { packageName: 'Firefox "ESR"', file: file.path, create: { categoryId: '3', priority: 5 } },
    );
    expect(made).toMatchObject({ packageId: '100', created: true });
    expect(server.created).toEqual([
      {
        packageName: 'Firefox "ESR"',
        fileName: 'Firefox.pkg',
        categoryId: '3',
        priority: 5,
        fillUserTemplate: false,
        osInstall: false,
        rebootRequired: false,
        suppressEula: false,
        suppressFromDock: false,
        suppressRegistration: false,
        suppressUpdates: false,
      },
    ]);
    expect(server.uploads.map((u) => [u.packageId, u.sha256])).toEqual([
      ['42', file.sha256],
      ['100', file.sha256],
    ]);
    await expect(
      uploadPackage(
        { baseUrl: server.url, tokens: tokens() },
        { packageName: 'Nope', file: file.path },
      ),
    ).rejects.toMatchObject({ name: 'PackageUploadError', code: 'PACKAGE_NOT_FOUND' });
  });

  it('after a 401, refreshes the token once and streams the file again from disk', async () => {
    const file = await fileOf('Big.pkg', 2 * 1024 * 1024);
    const source = tokens();
    server.refuseUploads = 1;
    const result = await uploadPackage(
      { baseUrl: server.url, tokens: source },
      { packageId: '9', file: file.path },
    );
    expect(result.bytes).toBe(2 * 1024 * 1024);
    expect(source.invalidated).toEqual(['t1']);
    expect(server.uploads).toEqual([
      expect.objectContaining({ sha256: file.sha256, authorization: 'Bearer t2' }),
    ]);
    // A second 401 is the answer: a JamfApiError like any other call's.
    server.refuseUploads = 2;
    const error = await uploadPackage(
      { baseUrl: server.url, tokens: tokens() },
      { packageId: '9', file: file.path },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JamfApiError);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect((error as JamfApiError).url).toBe(`${server.url}/api/v1/packages/9/upload`);
  });

  it('the fetch transport sends the same bytes (for runtimes whose fetch streams)', async () => {
    const file = await fileOf('Small.pkg', 300_000);
    await uploadPackage(
      { baseUrl: server.url, tokens: tokens(), transport: 'fetch' },
      { packageId: '5', file: file.path },
    );
    expect(server.uploads[0]).toMatchObject({ sizeBytes: 300_000, sha256: file.sha256 });
  });

  it('rejects bad options, unreadable files and aborted uploads with typed errors', async () => {
    const file = await fileOf('A.pkg', 10);
    const connection = { baseUrl: server.url, tokens: tokens() };
    for (const options of [
      { file: file.path },
      { packageId: '1', packageName: 'A', file: file.path },
      { packageId: '1', file: '' },
    ]) {
      await expect(uploadPackage(connection, options)).rejects.toMatchObject({
        code: 'INVALID_OPTIONS',
      });
    }
    await expect(
      uploadPackage(connection, { packageId: '1', file: join(dir, 'missing.pkg') }),
    ).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    await expect(uploadPackage(connection, { packageId: '1', file: dir })).rejects.toBeInstanceOf(
      PackageUploadError,
    );
    const reason = new Error('stop');
    await expect(
      uploadPackage(connection, {
        packageId: '1',
        file: file.path,
        signal: AbortSignal.abort(reason),
      }),
    ).rejects.toBe(reason);
    const unreachable = uploadPackage(
      { baseUrl: 'http://127.0.0.1:1', tokens: tokens() },
      { packageId: '1', file: file.path },
    );
    await expect(unreachable).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(server.uploads).toEqual([]);
  });
});
