import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The receiver example runs on the BUILT package under each runtime's own server (node:http via
// toNodeListener, Bun.serve, Deno.serve). The bun and deno npm packages ship their binaries.
// The build goes to a private folder (.tmp/, gitignored) so a concurrent build of dist/ by
// another task cannot pull files from under a running runtime.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) =>
  fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));
const fixture = 'test/fixtures/runtime-receiver.mjs';
const outDir = '.tmp/runtime-dist';

const runtimes = [
  { name: 'node', command: process.execPath, args: [fixture] },
  { name: 'bun', command: bin('bun'), args: [fixture] },
  {
    name: 'deno',
    command: bin('deno'),
    args: ['run', '--allow-net=127.0.0.1', '--allow-read', '--allow-env', fixture],
  },
].map((runtime) => {
  const probe = spawnSync(runtime.command, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return {
    ...runtime,
    startError: probe.status === 0 ? undefined : String(probe.error ?? probe.stderr),
  };
});

describe('the receiver example under Node, Bun and Deno', () => {
  beforeAll(() => {
    execFileSync(bin('tsup'), ['--out-dir', outDir, '--no-dts'], {
      cwd: packageDir,
      stdio: 'pipe',
      timeout: 120_000,
    });
  }, 150_000);

  for (const runtime of runtimes) {
    const title = runtime.startError
      ? `${runtime.name}: SKIPPED, the binary cannot start (${runtime.startError.slice(0, 120)})`
      : `${runtime.name}: all 18 events in JSON and XML reach their handlers; bad auth gets 401`;
    it.skipIf(runtime.startError !== undefined)(
      title,
      () => {
        const output = execFileSync(runtime.command, runtime.args, {
          cwd: packageDir,
          encoding: 'utf8',
          timeout: 60_000,
          env: { ...process.env, NO_COLOR: '1', WEBHOOKS_DIST: `../../${outDir}/` },
        });
        const result = JSON.parse(output.trim().split('\n').at(-1)!);
        expect(result).toEqual({
          runtime: runtime.name,
          json: { 200: 18 },
          xml: { 200: 18 },
          refused: { 401: 1 },
          received: 36,
        });
      },
      90_000,
    );
  }
});
