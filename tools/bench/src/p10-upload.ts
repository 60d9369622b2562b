/**
 * P10: package upload of a large file against the standalone mock, which streams multipart
 * uploads and records each file's size and sha256. The uploader runs in a child process (its
 * peak RSS from `process.resourceUsage()`), sending a sparse file of zeros:
 *   - `uploadPackage` as Node users get it (undici.request streaming): 2 GiB (128 MiB in quick),
 *   - the same call forced onto Node's `fetch`, 256 MiB (128 in quick): the memory trap the SDK avoids.
 * Checks the mock's recorded size and sha256 against the file's; reports MiB/s and the RSS the
 * upload added (peak RSS − RSS before the upload).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { startListeningCommand } from './harness/child-server.js';
import { measureNodeScript } from './harness/measured-child.js';
import { variantResult } from './harness/result.js';

const MIB = 1024 * 1024;
const BASIC = `Basic ${Buffer.from('admin:jamf1234').toString('base64')}`;
const CHILD = fileURLToPath(new URL('./p10-upload-child.mjs', import.meta.url));

function mockBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@jamf/mock-server/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.['jamf-mock-server'];
  if (!bin) throw new Error('@jamf/mock-server declares no jamf-mock-server bin');
  return join(dirname(manifestPath), bin);
}

/** The sha256 of `bytes` zero bytes, which is what a sparse file holds. */
function sha256OfZeros(bytes: number): string {
  const hash = createHash('sha256');
  const zeros = Buffer.alloc(MIB);
  for (let left = bytes; left > 0; left -= MIB)
    hash.update(left >= MIB ? zeros : zeros.subarray(0, left));
  return hash.digest('hex');
}

async function sparseFile(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w');
  await handle.truncate(bytes);
  await handle.close();
}

interface ChildReport {
  baselineRssBytes: number;
  uploadMs: number;
  packageId: string;
  bytes: number;
}

/** Runs P10; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const sdkBytes = (context.quick ? 128 : 2048) * MIB;
  const fetchBytes = (context.quick ? 128 : 256) * MIB;
  const mock = await startListeningCommand(
    process.execPath,
    [mockBin(), '--port', '0', '--quiet'],
    {
      cwd: context.benchRoot,
      timeoutMs: 30_000,
    },
  );
  const files: string[] = [];
  try {
    const tokenResponse = await fetch(`${mock.origin}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: BASIC },
    });
    const { token } = (await tokenResponse.json()) as { token: string };
    const upload = async (name: string, bytes: number, transport: 'undici' | 'fetch') => {
      const file = join(context.scratchDir, `${name}.pkg`);
      files.push(file);
      await sparseFile(file, bytes);
      context.log(`${name}: uploading ${bytes / MIB} MiB (${transport})`);
      const measured = await measureNodeScript(CHILD, [mock.origin, file, name, transport], {
        cwd: context.benchRoot,
        scratchDir: context.scratchDir,
        timeoutMs: 600_000,
      });
      if (measured.exitCode !== 0) throw new Error(`${name} upload failed:\n${measured.output}`);
      const report = JSON.parse(measured.output.trim().split('\n').at(-1) ?? '{}') as ChildReport;
      const answer = await fetch(`${mock.origin}/api/v1/packages/${report.packageId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const record = (await answer.json()) as { size?: string; sha256?: string };
      const expected = sha256OfZeros(bytes);
      if (record.size !== String(bytes) || record.sha256 !== expected) {
        throw new Error(
          `${name}: the mock recorded ${record.size} bytes, sha256 ${record.sha256}; expected ${bytes}, ${expected}`,
        );
      }
      return {
        mibPerSecond: bytes / MIB / (report.uploadMs / 1000),
        addedRssMib: (measured.maxRssBytes - report.baselineRssBytes) / MIB,
        peakRssMib: measured.maxRssBytes / MIB,
      };
    };
    const sdk = await upload('sdk-upload', sdkBytes, 'undici');
    const viaFetch = await upload('fetch-upload', fetchBytes, 'fetch');
    return {
      params: {
        sdkUploadMiB: sdkBytes / MIB,
        fetchUploadMiB: fetchBytes / MIB,
        server: 'jamf-mock-server (child process, 127.0.0.1), streaming multipart, sha256 recorded',
        file: 'sparse file of zeros',
      },
      variants: [
        variantResult(
          `uploadPackage ${sdkBytes / MIB} MiB: throughput`,
          'MiB/s',
          [sdk.mibPerSecond],
          true,
        ),
        variantResult(
          `uploadPackage ${sdkBytes / MIB} MiB: RSS added`,
          'MB',
          [sdk.addedRssMib],
          false,
        ),
        variantResult(
          `uploadPackage ${sdkBytes / MIB} MiB: peak RSS`,
          'MB',
          [sdk.peakRssMib],
          false,
        ),
        variantResult(
          `Node fetch ${fetchBytes / MIB} MiB: RSS added`,
          'MB',
          [viaFetch.addedRssMib],
          false,
        ),
      ],
      ratios: [],
      notes: [
        `sha256 and size recorded by the mock equal the file's for both uploads`,
        `RSS added per MiB uploaded: uploadPackage ${(sdk.addedRssMib / (sdkBytes / MIB)).toFixed(4)}, Node fetch ${(viaFetch.addedRssMib / (fetchBytes / MIB)).toFixed(4)} (MB are MiB here)`,
      ],
    };
  } finally {
    await Promise.all(files.map((file) => rm(file, { force: true })));
    await mock.close();
  }
}
