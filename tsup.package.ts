import { readFileSync, rmSync } from 'node:fs';
import type { Options } from 'tsup';

/** What a published package's build needs to say; the rest is the same for every package. */
export interface PackageBuild {
  /** Output name (without extension) → source file, one per `exports` subpath. */
  entry: Record<string, string>;
  /**
   * Dependencies whose CommonJS build cannot be `require`d the way our CJS output would read it,
   * so the CJS build carries their ESM code instead. openapi-fetch is one: its `index.cjs` sets
   * `exports.default` without `__esModule`, so every interop helper (esbuild's node mode,
   * sucrase's `_interopRequireDefault`) hands back the module object where the function was
   * meant (`(0, import_openapi_fetch.default) is not a function`). The ESM build keeps them
   * external, so an app's ESM code shares one copy.
   */
  bundleIntoCjs?: string[];
  /**
   * Entries built as ESM only, for subpaths whose dependencies refuse `require` (vitest throws
   * "Vitest cannot be imported in a CommonJS module using require()"). Node ≥ 20.19 can still
   * `require` them, as it loads ES modules without top-level await.
   */
  esmOnlyEntry?: Record<string, string>;
}

/**
 * The tsup configurations of a published package: ESM and CJS, both code-split so every subpath
 * of one format shares one copy of each module (one `JamfApiError` class, `instanceof` holds
 * across subpaths), with declarations for both.
 */
export function packageBuild({
  entry,
  bundleIntoCjs = [],
  esmOnlyEntry = {},
}: PackageBuild): (cli: Options) => Options[] {
  return (cli) => {
    // The two builds run at once into one folder, and tsup's own `clean` (even with patterns) empties
    // the whole folder and every declaration file, so one build would delete the other's output.
    // Clean once here, when tsup loads the config, before either starts — only the folder this run
    // writes (`--out-dir`): a test building into a private folder must not empty dist/ under the
    // feet of other packages' tests that import it.
    rmSync(cli.outDir ?? 'dist', { recursive: true, force: true });
    const shared: Options = {
      clean: false,
      dts: true,
      splitting: true,
      sourcemap: false,
      target: 'node20',
      // The package's own version, for the User-Agent it sends (tsup runs in the package folder).
      define: { __JAMF_PACKAGE_VERSION__: JSON.stringify(packageVersion()) },
    };
    return [
      {
        ...shared,
        entry: { ...entry, ...esmOnlyEntry },
        format: ['esm'],
        // No keepNames here: its `__name(fn, "fn")` statements and `static { __name(this) }` blocks
        // are side effects to a bundler, so an app's bundle kept every function and class of every
        // chunk it touched (bench P6: all 10 kB of @jamf/core rode along with any import). esbuild
        // renames a declaration only when two modules of one chunk collide, and pack-test's probe
        // fails on any export whose `name` is not what it is exported as.
      },
      {
        ...shared,
        entry,
        format: ['cjs'],
        // Rollup turns the split ESM into CJS; without it tsup's sucrase pass also rewrites class
        // fields, so exported classes come out anonymous (`JamfAuthError.name === '_class'`).
        treeshake: true,
        // Exported classes keep their names (`JamfApiError.name`, not `_JamfApiError`) through
        // rollup's conversion.
        keepNames: true,
        noExternal: bundleIntoCjs,
      },
    ];
  };
}

function packageVersion(): string {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version?: unknown };
  return typeof version === 'string' ? version : '0.0.0';
}
