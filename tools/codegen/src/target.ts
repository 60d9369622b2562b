import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Overlay } from './overlays.js';

/** What the command line hands every target. */
export interface TargetContext {
  /** Absolute path of the repository root; every output path is relative to it. */
  root: string;
  /**
   * The schema to read: `--from` when given, else the target's `sourceDefault` resolved against
   * `root`, else undefined.
   */
  source: string | undefined;
  /** Bearer token for a URL source (`--token` or `JAMF_TOKEN`); never log it. */
  token: string | undefined;
  /** `--jamf-version`, when the source's name does not carry one. */
  jamfVersion: string | undefined;
  /** True under `--check`: a target whose source is absent may fall back to committed files. */
  isCheck: boolean;
  /** Every overlay of `specs/overlays/`; a target applies those whose `target` it owns. */
  overlays: Overlay[];
  /** Files the targets before this one produced in this run, keyed by repo path. */
  outputs: Readonly<Record<string, string>>;
  /** Injected for tests; defaults to the platform's. */
  fetch: typeof fetch | undefined;
  log: (line: string) => void;
}

/**
 * One output of the generator: reads a source, returns the files it owns.
 * Register it in `targets.ts`; `jamf-codegen` runs targets in list order.
 */
export interface CodegenTarget {
  /** Stable name, used by `--target NAME`. */
  name: string;
  /** Default schema, relative to the repo root (e.g. `../shared/reference/….json`). */
  sourceDefault?: string;
  /**
   * Folders (repo paths) whose every file this target writes: files found there that the target
   * no longer produces are reported by `--check` and deleted on regeneration.
   */
  ownedDirs?: string[];
  /** Produces file contents keyed by repo path (forward slashes, relative to the root). */
  build(context: TargetContext): Promise<Record<string, string>>;
}

/** Raised by a target that cannot produce its files; the CLI prints the message and exits 2. */
export class TargetError extends Error {
  override readonly name = 'TargetError';
  constructor(
    readonly code: 'SOURCE_MISSING' | 'INPUT_MISSING' | 'ENTRY_COLLISION',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Reads a repo file as an earlier target of this run produced it, else as committed; undefined
 * when neither exists. Lets a target build on another's output (e.g. the distilled Pro spec).
 */
export async function readRepoInput(
  context: TargetContext,
  path: string,
): Promise<string | undefined> {
  return context.outputs[path] ?? readFile(join(context.root, path), 'utf8').catch(() => undefined);
}
