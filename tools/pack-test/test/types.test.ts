import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { publishedPackages } from '../src/published-packages.js';
import { type Resolution, writeTypeCheckSetup } from '../src/type-check-setups.js';

const names = publishedPackages().map((pkg) => pkg.name);
const resolutions: Resolution[] = ['nodenext', 'bundler'];

/** Runs one of the consumer's compilers on a folder; returns its diagnostics ('' when clean). */
function typeCheck(compiler: string, folder: string): string {
  const dir = inject('consumerDir');
  const tsc = join(dir, 'node_modules', compiler, 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', folder], { cwd: dir, encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

function versionOf(compiler: string): string {
  const dir = inject('consumerDir');
  const tsc = join(dir, 'node_modules', compiler, 'bin', 'tsc');
  return execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' });
}

// `typescript` is the repository's 5.9 pin; `typescript-7` is the native compiler under an alias.
// TypeScript 5.9 checks the consumer (its imports reach the main entries and an area); the fast
// native compiler also checks an import of every entry, ESM and `require`.
describe.each([
  { compiler: 'typescript', version: /^Version 5\.9\./, everyEntry: false },
  { compiler: 'typescript-7', version: /^Version 7\./, everyEntry: true },
])('$compiler', ({ compiler, version, everyEntry }) => {
  it('is the compiler it claims to be', () => {
    expect(versionOf(compiler)).toMatch(version);
  });

  it.each(resolutions)('type-checks the consumer under moduleResolution %s', (resolution) => {
    const folder = writeTypeCheckSetup(inject('consumerDir'), resolution, names, { everyEntry });
    expect(typeCheck(compiler, folder)).toBe('');
  });
});
