import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How a consumer's tsconfig resolves modules. */
export type Resolution = 'nodenext' | 'bundler';

const compilerOptions: Record<Resolution, Record<string, unknown>> = {
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'preserve', moduleResolution: 'bundler' },
};

/** Every import specifier the installed package's `exports` map offers. */
function specifiers(dir: string, name: string): string[] {
  const manifest = JSON.parse(
    readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'),
  );
  return Object.keys(manifest.exports)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`));
}

/**
 * Writes a folder in the consumer project with a strict tsconfig (`skipLibCheck: false`) and the
 * hand-written `consumer.ts`; with `everyEntry`, also files importing every subpath of every
 * package: ESM for both resolutions, plus a `.cts` with `require` for nodenext (the CommonJS
 * declarations). Returns the folder to run `tsc -p` on.
 */
export function writeTypeCheckSetup(
  dir: string,
  resolution: Resolution,
  names: string[],
  { everyEntry }: { everyEntry: boolean },
): string {
  const folder = join(dir, `types-${resolution}${everyEntry ? '-every-entry' : ''}`);
  mkdirSync(folder, { recursive: true });
  const files = ['../consumer.ts'];
  if (everyEntry) {
    const all = names.flatMap((name) => specifiers(dir, name));
    const used = `export const entries = [${all.map((_, i) => `entry${i}`).join(', ')}];\n`;
    const esm = all.map((name, i) => `import * as entry${i} from '${name}';\n`).join('');
    writeFileSync(join(folder, 'every-entry.ts'), esm + used);
    files.push('every-entry.ts');
    if (resolution === 'nodenext') {
      const cjs = all.map((name, i) => `import entry${i} = require('${name}');\n`).join('');
      writeFileSync(join(folder, 'every-entry-required.cts'), cjs + used);
      files.push('every-entry-required.cts');
    }
  }
  const tsconfig = {
    compilerOptions: {
      ...compilerOptions[resolution],
      target: 'es2022',
      lib: ['es2023', 'dom'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
    },
    files,
  };
  writeFileSync(join(folder, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  return folder;
}
