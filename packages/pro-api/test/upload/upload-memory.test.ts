import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUploadServer, type UploadServer } from '../support/upload-server.js';

const run = promisify(execFile);
const SIZE = 256 * 1024 * 1024;
/** What streaming may add to the uploading process; buffering the body would add ≥ SIZE. */
const STREAMING_BUDGET = 96 * 1024 * 1024;

let server: UploadServer;
let dir: string;
let file: string;
let zerosSha256: string;
beforeAll(async () => {
  server = await startUploadServer();
  dir = await mkdtemp(join(tmpdir(), 'jamf-upload-memory-'));
  file = join(dir, 'sparse.pkg');
  // A sparse file: SIZE bytes of zeros that take no disk space.
  const handle = await open(file, 'w');
  await handle.truncate(SIZE);
  await handle.close();
  const hash = createHash('sha256');
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < SIZE / zeros.length; i++) hash.update(zeros);
  zerosSha256 = hash.digest('hex');
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function uploadInChild(transport: 'undici' | 'fetch') {
  const child = await run(process.execPath, ['--import', 'tsx', 'test/support/upload-child.ts'], {
    env: { ...process.env, UPLOAD_URL: server.url, UPLOAD_FILE: file, UPLOAD_TRANSPORT: transport },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(child.stdout) as {
    baselineRssBytes: number;
    peakRssBytes: number;
    bytes: number;
  };
}

describe('uploadPackage memory (real processes)', () => {
  it('streams 256 MiB with flat memory on Node, and the server gets every byte', async () => {
    const report = await uploadInChild('undici');
    expect(report.bytes).toBe(SIZE);
    expect(server.uploads.at(-1)).toMatchObject({ sizeBytes: SIZE, sha256: zerosSha256 });
    expect(report.peakRssBytes - report.baselineRssBytes).toBeLessThan(STREAMING_BUDGET);
  }, 120_000);

  it("control: Node's fetch would hold the body in memory (why Node gets its own transport)", async () => {
    const report = await uploadInChild('fetch');
    expect(server.uploads.at(-1)).toMatchObject({ sizeBytes: SIZE, sha256: zerosSha256 });
    expect(report.peakRssBytes - report.baselineRssBytes).toBeGreaterThan(STREAMING_BUDGET);
  }, 120_000);
});
