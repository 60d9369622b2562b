import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeJamf, startFakeJamf } from './support/fake-jamf.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const probe = fileURLToPath(new URL('./support/portability-probe.mjs', import.meta.url));
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** The runtime binary from the workspace's dev dependencies (node_modules/.bin, walking up). */
function binary(name: string): string | undefined {
  for (let dir = new URL('../', import.meta.url); ; dir = new URL('../', dir)) {
    const candidate = fileURLToPath(new URL(`node_modules/.bin/${name}`, dir));
    if (existsSync(candidate)) return candidate;
    if (dir.pathname === '/') return undefined;
  }
}

const runtimes: Array<[string, string | undefined, string[]]> = [
  ['node', process.execPath, []],
  ['deno', binary('deno'), ['run', '--allow-net', '--allow-read', '--allow-env']],
  ['bun', binary('bun'), []],
];

/** Why a runtime cannot run here, or undefined when it starts. */
function unavailable(command: string | undefined): string | undefined {
  if (command === undefined) return 'binary not installed (dev dependency missing)';
  const result = spawnSync(command, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error !== undefined) return result.error.message;
  return result.status === 0 ? undefined : `exit ${String(result.status)}: ${result.stderr}`;
}

let jamf: FakeJamf | undefined;
let other: FakeJamf | undefined;
afterEach(async () => {
  await jamf?.close();
  await other?.close();
});

beforeAll(() => {
  if (!existsSync(dist)) {
    throw new Error(`the probe runs the built package: build it first (${dist} is missing)`);
  }
});

describe('the built package under Node, Deno and Bun', () => {
  for (const [name, command, args] of runtimes) {
    const reason = unavailable(command);
    if (reason !== undefined) {
      console.warn(`portability probe on ${name} skipped: ${reason}`);
    }
    it.skipIf(reason !== undefined)(
      `${name}: login, withAuth, JSON/stream/FormData replay, cross-origin redirect, close`,
      { timeout: 60_000 },
      async () => {
        jamf = await startFakeJamf();
        other = await startFakeJamf();
        const otherUrl = other.url;
        jamf.overrides.set('/api/v1/moved', (_req, res) => {
          res.writeHead(302, { location: `${otherUrl}/api/v1/sites` }).end();
        });
        // Asynchronous spawn: the fake servers live in this process and must keep answering.
        const output = await new Promise<string>((resolve, reject) => {
          import('node:child_process').then(({ execFile }) => {
            execFile(
              command as string,
              [...args, probe, jamf!.url],
              { cwd: packageRoot, timeout: 50_000 },
              (error, stdout, stderr) =>
                error === null ? resolve(stdout) : reject(new Error(`${error.message}\n${stderr}`)),
            );
          }, reject);
        });
        const results = JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
        expect(results).toEqual({
          runtime: name,
          login: 'user',
          get: 200,
          json: { status: 200, body: '{"name":"Lab"}' },
          stream: { status: 200, body: 'chunk-1;chunk-2' },
          formData: { status: 200, body: expect.stringContaining('value-1') },
          crossOrigin: { status: 401, origin: otherUrl },
          closed: 'PROVIDER_CLOSED',
        });
        // One login, one refresh per forced 401 (three), no refresh for the foreign 401.
        expect(jamf.count('/api/v1/auth/token')).toBe(4);
        const echoes = jamf.calls.filter((c) => c.path.startsWith('/api/v1/echo/'));
        expect(echoes).toHaveLength(6);
        // Revoked on close: three revocations by the probe, one by close().
        expect(jamf.count('/api/v1/auth/invalidate-token')).toBe(4);
      },
    );
  }
});
