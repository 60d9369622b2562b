import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CLASSIC_SPEC_FILE } from './classic-target.js';
import { generatedBanner } from './generate-types.js';
import { mockClassicModule } from './mock-classic-module.js';
import { PRO_SPEC_FILE, versionFromSource } from './pro-target.js';
import { stableStringify } from './stable-json.js';
import { type CodegenTarget, readRepoInput, type TargetContext, TargetError } from './target.js';

/** Folder of `@jamf/mock-server` that only the generator writes. */
export const MOCK_GENERATED_DIR = 'packages/mock-server/src/generated';
/** The API role privilege names a live server listed, distilled to facts (repo path). */
export const PRIVILEGE_LIST_FILE = 'specs/jamf-pro.api-role-privileges.json';

/**
 * The distilled Pro spec as a module the mock server loads at run time (one string literal
 * handed to `JSON.parse`, which keeps `tsc` fast: no 1.4 MB typed literal), and the mock's
 * privilege catalogue: the names a live server lists at `GET /v1/api-role-privileges` (source:
 * a one-name-a-line list, distilled to `specs/jamf-pro.api-role-privileges.json`) together with
 * every name the spec's `x-required-privileges` use; and the Classic resource facts and XML
 * shapes of `specs/jamf-classic.openapi.json` (`classic-resources.ts`). Under `--check` with no list at hand it
 * reads the committed `specs/` file.
 */
export const mockTarget: CodegenTarget = {
  name: 'mock-server',
  sourceDefault: '../shared/reference/jamf-pro-11.25.2.api-role-privileges.txt',
  ownedDirs: [MOCK_GENERATED_DIR],
  async build(context) {
    const text = await readRepoInput(context, PRO_SPEC_FILE);
    if (text === undefined) {
      throw new TargetError(
        'INPUT_MISSING',
        `${PRO_SPEC_FILE} is missing; run the pro target first`,
      );
    }
    const spec = JSON.parse(text) as {
      'x-jamf-source'?: { jamfProVersion?: string };
      paths?: Record<string, unknown>;
    };
    const version = spec['x-jamf-source']?.jamfProVersion ?? 'unknown';
    const contents = [
      generatedBanner(`The distilled Jamf Pro ${version} spec the mock serves.`),
      '',
      "import type { OpenApiDocument } from '../spec/openapi-document.js';",
      '',
      '/** The distilled Jamf Pro API document (paths relative to `/api`). */',
      `export const proSpec = JSON.parse(${JSON.stringify(JSON.stringify(spec))}) as OpenApiDocument;`,
      '',
    ].join('\n');
    const listed = await privilegeList(context);
    const classicText = await readRepoInput(context, CLASSIC_SPEC_FILE);
    if (classicText === undefined) {
      throw new TargetError(
        'INPUT_MISSING',
        `${CLASSIC_SPEC_FILE} is missing; run the classic target first`,
      );
    }
    return {
      ...listed.files,
      [`${MOCK_GENERATED_DIR}/classic-resources.ts`]: mockClassicModule(
        JSON.parse(classicText) as Record<string, unknown>,
      ),
      [`${MOCK_GENERATED_DIR}/pro-spec.ts`]: contents,
      [`${MOCK_GENERATED_DIR}/privilege-catalogue.ts`]: catalogueModule(
        listed.names,
        requiredPrivileges(spec),
        { listed: listed.version, spec: version },
      ),
    };
  },
};

interface PrivilegeListFacts {
  'x-jamf-source': { jamfProVersion: string; product: string; distilledBy: string };
  privileges: string[];
}

/** The listed privilege names: from the source list when present, else the committed facts. */
async function privilegeList(
  context: TargetContext,
): Promise<{ names: string[]; version: string; files: Record<string, string> }> {
  const from = context.source;
  if (from !== undefined && existsSync(from)) {
    const names = [
      ...new Set(
        (await readFile(from, 'utf8'))
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      ),
    ].sort();
    const version = context.jamfVersion ?? versionFromSource(from) ?? 'unknown';
    const facts: PrivilegeListFacts = {
      'x-jamf-source': {
        jamfProVersion: version,
        product: 'Jamf Pro API role privileges',
        distilledBy: '@jamf/codegen',
      },
      privileges: names,
    };
    return { names, version, files: { [PRIVILEGE_LIST_FILE]: stableStringify(facts) } };
  }
  const committed = await readRepoInput(context, PRIVILEGE_LIST_FILE);
  if (committed === undefined) {
    throw new TargetError(
      'SOURCE_MISSING',
      `no privilege list at ${from ?? '(none)'} and no committed ${PRIVILEGE_LIST_FILE}; pass --from FILE`,
    );
  }
  context.log(`skip: ${from} is absent, so the committed ${PRIVILEGE_LIST_FILE} is used`);
  const facts = JSON.parse(committed) as PrivilegeListFacts;
  return { names: facts.privileges, version: facts['x-jamf-source'].jamfProVersion, files: {} };
}

/** Every name the spec's operations list in `x-required-privileges`. */
function requiredPrivileges(spec: { paths?: Record<string, unknown> }): string[] {
  const found = new Set<string>();
  for (const item of Object.values(spec.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, unknown>)) {
      const names = (operation as { 'x-required-privileges'?: unknown } | null)?.[
        'x-required-privileges'
      ];
      if (Array.isArray(names)) for (const name of names) found.add(String(name));
    }
  }
  return [...found].sort();
}

function catalogueModule(
  listed: readonly string[],
  required: readonly string[],
  versions: { listed: string; spec: string },
): string {
  const all = [...new Set([...listed, ...required])].sort();
  return [
    generatedBanner(
      `Every known API role privilege name: the ${listed.length} a Jamf Pro ${versions.listed} server lists, with the names the ${versions.spec} spec requires (${all.length} in all).`,
    ),
    '',
    '/** Every known API role privilege name, sorted. */',
    `export const privilegeCatalogue: readonly string[] = Object.freeze(${JSON.stringify(all, null, 2)});`,
    '',
  ].join('\n');
}
