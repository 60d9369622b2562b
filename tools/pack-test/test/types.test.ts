import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { publishedPackages } from '../src/published-packages.js';
import { type Resolution, writeTypeCheckSetup } from '../src/type-check-setups.js';

const names = publishedPackages().map((pkg) => pkg.name);

/** `typescript` is 5.9 (the repository's pin); `typescript-7` is the native compiler. */
const compilers = ['typescript', 'typescript-7'] as const;
const resolutions: Resolution[] = ['nodenext', 'bundler'];

describe.each(compilers)('%s', (compiler) => {
  it.each(resolutions)(
    'type-checks a consumer and every entry (ESM and require) under %s',
    (resolution) => {
      const dir = inject('consumerDir');
      const folder = writeTypeCheckSetup(dir, resolution, names);
      const tsc = join(dir, 'node_modules', compiler, 'bin', 'tsc');
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', folder], { cwd: dir, encoding: 'utf8' });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output).toBe('');
    },
  );
});
