import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { distil } from './distil.js';
import { generatedBanner, generateTypes } from './generate-types.js';
import { loadSchema } from './load-schema.js';
import { mediaTypesModule } from './media-types.js';
import { listOperations } from './operations.js';
import { applyOverlays, type Overlay } from './overlays.js';
import { stableStringify } from './stable-json.js';
import { type CodegenTarget, readRepoInput, TargetError } from './target.js';

/** Where the Pro API's distilled spec and generated code live, relative to the repo root. */
export const PRO_SPEC_FILE = 'specs/jamf-pro.openapi.json';
/** Folder of `@jamf/pro-api` that only the generator writes. */
export const PRO_GENERATED_DIR = 'packages/pro-api/src/generated';

/** Guesses the Jamf Pro version from a file or URL name such as `jamf-pro-11.30.1.api-schema.json`. */
export function versionFromSource(source: string): string | undefined {
  return /(\d+\.\d+\.\d+)/.exec(basename(source))?.[1];
}

/** Jamf's Pro document → the repo's fact-only spec, with overlays applied. */
export function distilPro(
  document: Record<string, unknown>,
  overlays: Overlay[],
  jamfProVersion: string,
): Record<string, unknown> {
  const facts = distil(document, { product: 'Jamf Pro API', jamfProVersion });
  return applyOverlays(facts, overlays, 'jamf-pro');
}

/** The spec file's contents for a distilled document. */
export function proSpecFile(spec: Record<string, unknown>): Record<string, string> {
  return { [PRO_SPEC_FILE]: stableStringify(spec) };
}

/** Everything under `packages/pro-api/src/generated/` for a distilled spec, keyed by repo path. */
export async function proGeneratedFiles(
  spec: Record<string, unknown>,
): Promise<Record<string, string>> {
  const version =
    (spec['x-jamf-source'] as { jamfProVersion?: string } | undefined)?.jamfProVersion ?? 'unknown';
  const files: Record<string, string> = {};
  files[`${PRO_GENERATED_DIR}/openapi.ts`] = await generateTypes(
    spec,
    generatedBanner(`Types of every Jamf Pro API operation (Jamf Pro ${version}).`),
  );
  files[`${PRO_GENERATED_DIR}/privileges.ts`] = privilegesModule(spec, version);
  files[`${PRO_GENERATED_DIR}/media-types.ts`] = mediaTypesModule(spec, version);
  return files;
}

function privilegesModule(spec: Record<string, unknown>, version: string): string {
  const table: Record<string, Record<string, string[]>> = {};
  for (const { method, path, operation } of listOperations(spec)) {
    // An operation that lists no privileges needs none beyond being signed in (or nothing, for
    // the public ones); it is still an operation, so it gets an empty list rather than no entry.
    const privileges = operation['x-required-privileges'];
    table[path] ??= {};
    table[path][method] = Array.isArray(privileges) ? privileges.map(String) : [];
  }
  return [
    generatedBanner(`Privileges each Jamf Pro API operation requires (Jamf Pro ${version}).`),
    '',
    "/** Privileges per path and method, from the spec's `x-required-privileges` (`[]` where it lists none). */",
    `export const requiredPrivilegesTable = ${JSON.stringify(table, null, 2)} as const;`,
    '',
  ].join('\n');
}

/**
 * The Pro API target: Jamf's `/api/schema` → `specs/jamf-pro.openapi.json` (facts only, overlays
 * applied) → `generated/openapi.ts`, `generated/privileges.ts` and `generated/media-types.ts` of
 * `@jamf/pro-api`.
 * Under `--check` with no source at hand it regenerates the types from the committed spec.
 */
export const proTarget: CodegenTarget = {
  name: 'pro',
  sourceDefault: '../shared/reference/jamf-pro-11.30.1.api-schema.json',
  ownedDirs: [PRO_GENERATED_DIR],
  async build(context) {
    const from = context.source;
    const isAvailable = from !== undefined && (/^https?:/i.test(from) || existsSync(from));
    let spec: Record<string, unknown>;
    let files: Record<string, string> = {};
    if (isAvailable) {
      const { document, source } = await loadSchema(from, {
        token: context.token,
        fetch: context.fetch,
      });
      const version = context.jamfVersion ?? versionFromSource(source) ?? 'unknown';
      files = proSpecFile(distilPro(document, context.overlays, version));
      // Generate from the spec as committed (keys sorted), so a checkout without the source
      // regenerates byte-identical types from the committed spec alone.
      spec = JSON.parse(files[PRO_SPEC_FILE] ?? '{}') as Record<string, unknown>;
    } else {
      const committed = context.isCheck ? await readRepoInput(context, PRO_SPEC_FILE) : undefined;
      if (committed === undefined) {
        throw new TargetError(
          'SOURCE_MISSING',
          `no schema at ${from ?? '(none)'}; pass --from FILE|URL`,
        );
      }
      context.log(
        `skip: ${from} is absent, so only generated/ is checked against the committed ${PRO_SPEC_FILE}`,
      );
      spec = JSON.parse(committed) as Record<string, unknown>;
    }
    return { ...files, ...(await proGeneratedFiles(spec)) };
  },
};
