import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PublishedPackage, publishedPackages, repoRoot } from './published-packages.js';

/** The pnpm the repository pins; `pnpm pack` rewrites `workspace:` ranges, `npm pack` would not. */
const PNPM = ['-y', 'pnpm@10.34.9'];

/** Versions the consumer installs besides the tarballs, taken from the repository's own pins. */
function consumerDevDependencies(): Record<string, string> {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const pins: Record<string, string> = root.devDependencies;
  const mock = JSON.parse(
    readFileSync(join(repoRoot, 'packages/mock-server/package.json'), 'utf8'),
  );
  const observability = JSON.parse(
    readFileSync(join(repoRoot, 'packages/observability/package.json'), 'utf8'),
  );
  const typescript7 = JSON.parse(
    readFileSync(join(repoRoot, 'tools/typescript-7/package.json'), 'utf8'),
  );
  return {
    typescript: pins.typescript!,
    // TypeScript 7, the native compiler, under an alias so both `tsc`s can sit side by side.
    'typescript-7': `npm:typescript@${typescript7.devDependencies.typescript}`,
    '@types/node': pins['@types/node']!,
    vitest: pins.vitest!,
    // The mock's peer; msw 3 needs Node ≥ 22.12, so a Node 20 app installs msw 2.
    msw: `^${mock.devDependencies.msw}`,
    // The optional peer of `@jamf/observability/otel`, which a tracing app has.
    '@opentelemetry/api': `^${observability.devDependencies['@opentelemetry/api']}`,
  };
}

/** A temporary npm project outside the repository with every published package installed. */
export interface ConsumerProject {
  dir: string;
  packages: PublishedPackage[];
}

/**
 * Packs every published package with pnpm and installs the tarballs with plain npm into a new
 * folder under the OS temp dir, as a user would (registry dependencies come from the registry).
 */
export function createConsumerProject(): ConsumerProject {
  const packages = publishedPackages();
  const dir = mkdtempSync(join(tmpdir(), 'jamf-pack-test-'));
  try {
    const tarballs = join(dir, 'tarballs');
    mkdirSync(tarballs);
    const dependencies: Record<string, string> = {};
    for (const pkg of packages) {
      const before = new Set(readdirSync(tarballs));
      execFileSync('npx', [...PNPM, 'pack', '--pack-destination', tarballs], {
        cwd: join(repoRoot, pkg.dir),
        stdio: 'pipe',
      });
      const tarball = readdirSync(tarballs).find((file) => !before.has(file));
      if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${pkg.name}`);
      dependencies[pkg.name] = `file:./tarballs/${tarball}`;
    }
    const manifest = {
      name: 'jamf-pack-test-consumer',
      private: true,
      type: 'module',
      dependencies,
      devDependencies: consumerDevDependencies(),
    };
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: 'pipe',
    });
    for (const fixture of readdirSync(new URL('../fixtures/', import.meta.url))) {
      copyFileSync(new URL(`../fixtures/${fixture}`, import.meta.url), join(dir, fixture));
    }
  } catch (error) {
    // A failed pack or install leaves nothing behind in the temp folder.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, packages };
}
