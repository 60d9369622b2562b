import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSchema } from './load-schema.js';
import { loadOverlays } from './overlays.js';
import { distilPro, PRO_SPEC_FILE, proGeneratedFiles, proSpecFile, versionFromSource } from './pro-target.js';
import { staleRepoFiles, writeRepoFiles } from './repo-files.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_PRO_SOURCE = resolve(REPO_ROOT, '../shared/reference/jamf-pro-11.30.1.api-schema.json');

const USAGE = `Usage:
  jamf-codegen [--from FILE|URL] [--token TOKEN] [--jamf-version X.Y.Z]
      Distil Jamf's Pro schema into ${PRO_SPEC_FILE} and regenerate the types.
      --from defaults to ../shared/reference/jamf-pro-11.30.1.api-schema.json;
      a URL is a live server's https://HOST/api/schema (token from --token or JAMF_TOKEN).
  jamf-codegen --check
      Exit 1 when committed specs/ or generated/ differ from what the generator produces.`;

/** Runs the command line; returns the exit code. */
export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      token: { type: 'string' },
      'jamf-version': { type: 'string' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const overlays = await loadOverlays(join(REPO_ROOT, 'specs/overlays'));
  const from = values.from ?? DEFAULT_PRO_SOURCE;
  const sourceAvailable = /^https?:/i.test(from) || existsSync(from);

  let files: Record<string, string> = {};
  let spec: Record<string, unknown>;
  if (sourceAvailable) {
    const { document, source } = await loadSchema(from, { token: values.token ?? process.env.JAMF_TOKEN });
    const version = values['jamf-version'] ?? versionFromSource(source) ?? 'unknown';
    spec = distilPro(document, overlays, version);
    files = { ...proSpecFile(spec) };
  } else if (values.check) {
    log(`skip: ${from} is absent, so only generated/ is checked against the committed ${PRO_SPEC_FILE}`);
    spec = JSON.parse(await readFile(join(REPO_ROOT, PRO_SPEC_FILE), 'utf8')) as Record<string, unknown>;
  } else {
    log(`error: no schema at ${from}; pass --from FILE|URL`);
    return 2;
  }
  files = { ...files, ...(await proGeneratedFiles(spec)) };

  if (values.check) {
    const stale = await staleRepoFiles(REPO_ROOT, files);
    if (stale.length > 0) {
      log(`stale: ${stale.join(', ')}\nrun \`pnpm codegen\` and commit the result`);
      return 1;
    }
    log(`up to date: ${Object.keys(files).length} files`);
    return 0;
  }
  await writeRepoFiles(REPO_ROOT, files);
  log(`wrote ${Object.keys(files).length} files`);
  return 0;
}
