import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './reference.js';

/** A throw-away repository root the generator may write into; never the real checkout. */
export interface TempRoot {
  path: string;
  remove(): Promise<void>;
}

/** Creates an empty root, optionally with a copy of the repo's `specs/overlays/`. */
export async function createTempRoot(
  options: { withRepoOverlays?: boolean } = {},
): Promise<TempRoot> {
  const path = await mkdtemp(join(tmpdir(), 'jamf-codegen-test-'));
  await mkdir(join(path, 'specs/overlays'), { recursive: true });
  if (options.withRepoOverlays) {
    await cp(resolve(REPO_ROOT, 'specs/overlays'), join(path, 'specs/overlays'), {
      recursive: true,
    });
  }
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Collects what `main` logs. */
export function logSink(): { log: (line: string) => void; text: () => string } {
  const lines: string[] = [];
  return { log: (line) => lines.push(line), text: () => lines.join('\n') };
}

/** The small hand-made document the fast tests distil. */
export const THINGS_V1 = resolve(import.meta.dirname, 'fixtures/things-v1.json');
