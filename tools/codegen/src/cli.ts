import { readdir, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { diffSpecs, formatDiff, isEmptyDiff } from './diff.js';
import { loadSchema, SchemaLoadError } from './load-schema.js';
import { loadOverlays, OverlayError } from './overlays.js';
import { staleRepoFiles, writeRepoFiles } from './repo-files.js';
import { type CodegenTarget, TargetError } from './target.js';
import { targets as defaultTargets } from './targets.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** What `main` runs against; every field has the real default. */
export interface MainOptions {
  /** Repository root the outputs are written under; defaults to this checkout. */
  root?: string;
  log?: (line: string) => void;
  /** Targets to run, in order; defaults to `targets.ts`. */
  targets?: readonly CodegenTarget[];
  /** Injected for tests; defaults to the platform's. */
  fetch?: typeof fetch;
  /** Environment for `JAMF_TOKEN`; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

function usage(targets: readonly CodegenTarget[]): string {
  return `Usage:
  jamf-codegen [--target NAME]... [--from FILE|URL] [--token TOKEN] [--jamf-version X.Y.Z]
      Regenerate every target's files (or only the NAMEs given, in registry order).
      Targets: ${targets.map((t) => t.name).join(', ')}.
      --from replaces the default source of the first target run (pro unless excluded);
      a URL is a live server's https://HOST/api/schema (token from --token or JAMF_TOKEN).
  jamf-codegen --check [--target NAME]...
      Exit 1 when committed specs/ or generated/ differ from what the generator produces.
  jamf-codegen diff OLD NEW [--json] [--token TOKEN]
      Compare two schemas (files or URLs): operations added/removed, parameters, required
      privileges, deprecation. Exit 0 when equal, 1 when they differ, 2 on error.`;
}

/** Runs the command line; returns the exit code (0 ok, 1 stale under --check, 2 usage or input error). */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const root = options.root ?? REPO_ROOT;
  const log = options.log ?? console.log;
  const targets = options.targets ?? defaultTargets;
  const env = options.env ?? process.env;
  if (argv[0] === 'diff') return runDiff(argv.slice(1), log, env, options.fetch);
  let values: ReturnType<typeof parseCli>['values'];
  try {
    ({ values } = parseCli(argv));
  } catch (error) {
    log(`error: ${(error as Error).message}\n${usage(targets)}`);
    return 2;
  }
  if (values.help) {
    log(usage(targets));
    return 0;
  }
  const wanted = values.target ?? [];
  const unknown = wanted.filter((name) => !targets.some((t) => t.name === name));
  if (unknown.length > 0) {
    log(
      `error: unknown target ${unknown.join(', ')}; known: ${targets.map((t) => t.name).join(', ')}`,
    );
    return 2;
  }
  // Selected targets run in registry order, so producers still come before their consumers.
  const selected = wanted.length > 0 ? targets.filter((t) => wanted.includes(t.name)) : targets;
  const files: Record<string, string> = {};
  try {
    await runTargets(selected, files, {
      root,
      from: values.from,
      token: values.token ?? env.JAMF_TOKEN,
      jamfVersion: values['jamf-version'],
      isCheck: values.check,
      fetch: options.fetch,
      log,
    });
  } catch (error) {
    if (
      !(
        error instanceof TargetError ||
        error instanceof OverlayError ||
        error instanceof SchemaLoadError
      )
    ) {
      throw error;
    }
    log(`error: ${error.message}`);
    return 2;
  }
  const orphans = await orphanFiles(root, selected, files);

  if (values.check) {
    const stale = [...(await staleRepoFiles(root, files)), ...orphans];
    if (stale.length > 0) {
      log(`stale: ${stale.join(', ')}\nrun \`pnpm codegen\` and commit the result`);
      return 1;
    }
    log(`up to date: ${Object.keys(files).length} files`);
    return 0;
  }
  await writeRepoFiles(root, files);
  for (const orphan of orphans) await rm(join(root, orphan));
  log(
    `wrote ${Object.keys(files).length} files${orphans.length ? `, deleted ${orphans.join(', ')}` : ''}`,
  );
  return 0;
}

interface RunSettings {
  root: string;
  from: string | undefined;
  token: string | undefined;
  jamfVersion: string | undefined;
  isCheck: boolean;
  fetch: typeof fetch | undefined;
  log: (line: string) => void;
}

/** Runs the targets in order, collecting their files; each sees what the earlier ones produced. */
async function runTargets(
  targets: readonly CodegenTarget[],
  files: Record<string, string>,
  settings: RunSettings,
): Promise<void> {
  const overlays = await loadOverlays(join(settings.root, 'specs/overlays'));
  for (const [index, target] of targets.entries()) {
    // --from names the source of the first target run (the Pro API unless --target says otherwise).
    const from = index === 0 ? settings.from : undefined;
    const source =
      from ??
      (target.sourceDefault ? resolveSource(settings.root, target.sourceDefault) : undefined);
    try {
      Object.assign(
        files,
        await target.build({
          root: settings.root,
          source,
          token: settings.token,
          jamfVersion: settings.jamfVersion,
          isCheck: settings.isCheck,
          overlays,
          outputs: { ...files },
          fetch: settings.fetch,
          log: settings.log,
        }),
      );
    } catch (error) {
      if (error instanceof Error) error.message = `target ${target.name}: ${error.message}`;
      throw error;
    }
  }
}

async function runDiff(
  argv: string[],
  log: (line: string) => void,
  env: Record<string, string | undefined>,
  fetchImpl: typeof fetch | undefined,
): Promise<number> {
  let parsed: { values: { json?: boolean; token?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false }, token: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (error) {
    log(`error: ${(error as Error).message}`);
    return 2;
  }
  const [older, newer, ...extra] = parsed.positionals;
  if (older === undefined || newer === undefined || extra.length > 0) {
    log('usage: jamf-codegen diff OLD NEW [--json] [--token TOKEN]');
    return 2;
  }
  const token = parsed.values.token ?? env.JAMF_TOKEN;
  try {
    const [a, b] = await Promise.all(
      [older, newer].map((source) => loadSchema(source, { token, fetch: fetchImpl })),
    );
    const diff = diffSpecs(a!.document, b!.document, { from: a!.source, to: b!.source });
    log(parsed.values.json ? JSON.stringify(diff, null, 2) : formatDiff(diff).trimEnd());
    return isEmptyDiff(diff) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof SchemaLoadError)) throw error;
    log(`error: ${error.message}`);
    return 2;
  }
}

function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      target: { type: 'string', multiple: true },
      from: { type: 'string' },
      token: { type: 'string' },
      'jamf-version': { type: 'string' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
}

function resolveSource(root: string, source: string): string {
  return /^https?:/i.test(source) || isAbsolute(source) ? source : resolve(root, source);
}

/** Files directly inside the targets' owned folders that no target produced this run. */
async function orphanFiles(
  root: string,
  targets: readonly CodegenTarget[],
  files: Record<string, string>,
): Promise<string[]> {
  const orphans: string[] = [];
  for (const dir of targets.flatMap((t) => t.ownedDirs ?? [])) {
    const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`;
      if (entry.isFile() && !(path in files)) orphans.push(path);
    }
  }
  return orphans.sort();
}
