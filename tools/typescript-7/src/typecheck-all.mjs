// Runs every workspace's own `typecheck` script with TypeScript 7's `tsc` in place of the
// repository's TypeScript 5.9, so the type tests (`*.typecheck.ts` and friends) run under both.
// Needs the packages built first (as turbo's `typecheck` task does): `pnpm typecheck:ts7`.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const tsc7 = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
const version = execSync(`node ${JSON.stringify(tsc7)} --version`, { encoding: 'utf8' }).trim();

// The workspaces pnpm-workspace.yaml lists (`- folder` or `- folder/*`).
const globs = [
  ...readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').matchAll(/^ {2}- (.+)$/gm),
].map(([, glob]) => glob.trim().replace(/^['"]|['"]$/g, ''));
const workspaces = globs
  .flatMap((glob) =>
    glob.endsWith('/*')
      ? readdirSync(join(root, glob.slice(0, -2))).map((name) =>
          join(root, glob.slice(0, -2), name),
        )
      : [join(root, glob)],
  )
  .filter((dir) => existsSync(join(dir, 'package.json')));

const failed = [];
for (const dir of workspaces) {
  const script = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts?.typecheck;
  if (typeof script !== 'string') continue;
  const command = script.replace(/(^|&& *)tsc\b/g, `$1node ${JSON.stringify(tsc7)}`);
  const name = relative(root, dir);
  try {
    execSync(command, { cwd: dir, stdio: 'inherit' });
    console.log(`ok   ${name} (${version})`);
  } catch {
    failed.push(name);
    console.log(`FAIL ${name} (${version})`);
  }
}
if (failed.length > 0) {
  console.error(`TypeScript 7 type-check failed in: ${failed.join(', ')}`);
  process.exit(1);
}
