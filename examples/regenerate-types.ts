/**
 * Example: types for YOUR server's Jamf Pro version. Reads the server's `/api/schema`, shows how
 * it differs from the version this SDK was generated from, and regenerates the Pro types from it
 * into a scratch folder (in this repository, `pnpm codegen --from <url> --token <token>` writes
 * them in place).
 *
 *   npx tsx examples/regenerate-types.ts      (offline mock, or JAMF_URL/JAMF_USERNAME/JAMF_PASSWORD)
 */
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { userCredentials } from '@jamf/auth';
import { main as codegen, diffSpecs, formatDiff, loadSchema } from '@jamf/codegen';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What regenerating for one server produced. */
export interface RegeneratedTypes {
  /** Operations the server has that the SDK's spec lacks, and the reverse. */
  added: number;
  removed: number;
  /** The readable difference report. */
  report: string;
  /** Files written under the scratch root, with their sizes in bytes. */
  files: { path: string; bytes: number }[];
}

/** Diffs `schemaUrl` against the SDK's spec and regenerates the Pro types from it in a scratch root. */
export async function regenerateTypes(schemaUrl: string, token: string): Promise<RegeneratedTypes> {
  const sdk = await loadSchema(join(REPO_ROOT, 'specs/jamf-pro.openapi.json'));
  const server = await loadSchema(schemaUrl, { token });
  const diff = diffSpecs(sdk.document, server.document, { from: 'this SDK', to: 'your server' });

  const scratch = await mkdtemp(join(tmpdir(), 'jamf-types-'));
  try {
    await cp(join(REPO_ROOT, 'specs/overlays'), join(scratch, 'specs/overlays'), {
      recursive: true,
    });
    const log: string[] = [];
    const code = await codegen(['--target', 'pro', '--from', schemaUrl, '--token', token], {
      root: scratch,
      log: (line) => log.push(line),
    });
    if (code !== 0) throw new Error(`codegen exited ${code}: ${log.join(' ')}`);
    const files = [];
    for (const path of await listFiles(scratch)) {
      if (!path.includes('overlays'))
        files.push({ path: relative(scratch, path), bytes: (await stat(path)).size });
    }
    return {
      added: diff.operationsAdded.length,
      removed: diff.operationsRemoved.length,
      report: formatDiff(diff),
      files,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { resolveTarget } = await import('./demo/target.js');
  const target = await resolveTarget(process.env);
  try {
    await using provider = userCredentials({ ...target, allowInsecureHttp: true });
    const { token } = await provider.getToken();
    const result = await regenerateTypes(new URL('/api/schema', target.baseUrl).href, token);
    console.log(result.report);
    for (const file of result.files) console.log(`generated ${file.path} (${file.bytes} bytes)`);
  } finally {
    await target.close();
  }
}
