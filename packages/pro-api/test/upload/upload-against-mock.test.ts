import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JamfMockServer, startJamfMockServer } from '@jamf/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProClient } from '../../src/index.js';
import { uploadPackage } from '../../src/upload/index.js';

let server: JamfMockServer;
let dir: string;
beforeAll(async () => {
  server = await startJamfMockServer({
    accounts: [{ username: 'packager', password: 'pkg-pass', privileges: 'all' }],
  });
  dir = await mkdtemp(join(tmpdir(), 'jamf-upload-mock-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A token source over the mock's user-token endpoint (what `userCredentials` would do). */
const tokens = {
  async getToken() {
    const answer = await fetch(`${server.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('packager:pkg-pass')}` },
    });
    return { token: ((await answer.json()) as { token: string }).token };
  },
};

describe('uploadPackage against the mock', () => {
  it('creates the record, streams the file, and the mock records its size and sha256', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 5);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    const file = join(dir, 'Tool 2.0.pkg');
    await writeFile(file, bytes);
    const first = await uploadPackage(
      { baseUrl: server.url, tokens },
      { packageName: 'Tool 2.0', file, create: true },
    );
    expect(first.created).toBe(true);
    // The second upload finds the record by name instead of creating another.
    const second = await uploadPackage(
      { baseUrl: server.url, tokens },
      { packageName: 'Tool 2.0', file, create: true },
    );
    expect(second).toEqual({ packageId: first.packageId, created: false, bytes: bytes.length });

    const pro = createProClient({
      baseUrl: server.url,
      headers: { authorization: `Bearer ${(await tokens.getToken()).token}` },
    });
    const { data } = await pro.GET('/v1/packages/{id}', {
      params: { path: { id: first.packageId } },
    });
    expect(data).toMatchObject({
      packageName: 'Tool 2.0',
      fileName: 'Tool 2.0.pkg',
      size: String(bytes.length),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });
});
