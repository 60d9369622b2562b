import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Writes generated files under the repo root, creating folders as needed. */
export async function writeRepoFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), contents);
  }
}

/** Lists the files whose committed contents differ from what the generator produces now. */
export async function staleRepoFiles(
  root: string,
  files: Record<string, string>,
): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, contents] of Object.entries(files)) {
    const current = await readFile(join(root, path), 'utf8').catch(() => undefined);
    if (current !== contents) stale.push(path);
  }
  return stale;
}
