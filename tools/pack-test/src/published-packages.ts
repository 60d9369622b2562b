import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, two folders above this workspace. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A package the repository publishes, as its manifest describes it. */
export interface PublishedPackage {
  name: string;
  /** Folder inside the repository, e.g. `packages/pro-api`. */
  dir: string;
  /** Every subpath of its `exports` map except `./package.json`. */
  subpaths: string[];
  /** Names of its `bin` commands. */
  bins: string[];
}

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  bin?: string | Record<string, string>;
}

/** Every non-private package under `packages/`, read from its package.json (never hand-listed). */
export function publishedPackages(): PublishedPackage[] {
  const root = join(repoRoot, 'packages');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      let manifest: Manifest;
      try {
        manifest = JSON.parse(readFileSync(join(root, entry.name, 'package.json'), 'utf8'));
      } catch {
        return [];
      }
      if (manifest.private) return [];
      const bins =
        typeof manifest.bin === 'string' ? [manifest.name] : Object.keys(manifest.bin ?? {});
      return [
        {
          name: manifest.name,
          dir: join('packages', entry.name),
          subpaths: Object.keys(manifest.exports ?? { '.': null }).filter(
            (subpath) => subpath !== './package.json',
          ),
          bins,
        },
      ];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
