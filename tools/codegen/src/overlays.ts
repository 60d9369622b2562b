import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsonPatch, { type Operation } from 'fast-json-patch';

/** A repo-authored correction to Jamf's document: an RFC 6902 JSON Patch and the reason for it. */
export interface Overlay {
  /** File name, for messages. */
  name: string;
  /** One line: what Jamf's document lacks or gets wrong. */
  why: string;
  /** Which distilled document it applies to, e.g. "jamf-pro". */
  target: string;
  patch: Operation[];
}

/** Raised when an overlay is malformed or no longer applies to the document. */
export class OverlayError extends Error {
  override readonly name = 'OverlayError';
  readonly code = 'OVERLAY_FAILED';
}

/** Reads every `*.json` overlay in a folder, in file-name order. */
export async function loadOverlays(folder: string): Promise<Overlay[]> {
  const names = (await readdir(folder).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.json'))
    .sort();
  const overlays: Overlay[] = [];
  for (const name of names) {
    let raw: Partial<Overlay>;
    try {
      raw = JSON.parse(await readFile(join(folder, name), 'utf8')) as Partial<Overlay>;
    } catch (cause) {
      throw new OverlayError(`Overlay ${name} is not valid JSON`, { cause });
    }
    if (
      typeof raw.why !== 'string' ||
      !raw.why.trim() ||
      typeof raw.target !== 'string' ||
      !Array.isArray(raw.patch)
    ) {
      throw new OverlayError(
        `Overlay ${name} needs "why" (one line), "target" and "patch" (a JSON Patch)`,
      );
    }
    overlays.push({ name, why: raw.why, target: raw.target, patch: raw.patch });
  }
  return overlays;
}

/** Applies the overlays meant for `target`, failing loudly when one no longer fits the document. */
export function applyOverlays(
  document: Record<string, unknown>,
  overlays: Overlay[],
  target: string,
): Record<string, unknown> {
  let current = document;
  for (const overlay of overlays.filter((o) => o.target === target)) {
    const error = jsonPatch.validate(overlay.patch, current);
    if (error) {
      throw new OverlayError(
        `Overlay ${overlay.name} does not apply: ${error.name} at ${error.operation?.path ?? '?'}`,
        {
          cause: error,
        },
      );
    }
    current = jsonPatch.applyPatch(current, overlay.patch, false, false).newDocument;
  }
  return current;
}
