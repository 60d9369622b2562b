import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { distilClassic } from './classic-distil.js';
import type { ClassicResource } from './classic-resources.js';
import { XML_SHAPE_DECLARATION, xmlShapeOf } from './classic-xml-shapes.js';
import { generatedBanner, generateTypes } from './generate-types.js';
import { loadSchema } from './load-schema.js';
import { versionFromSource } from './pro-target.js';
import { stableStringify } from './stable-json.js';
import { type CodegenTarget, readRepoInput, TargetError } from './target.js';

/** Where the Classic API's distilled spec lives, relative to the repo root. */
export const CLASSIC_SPEC_FILE = 'specs/jamf-classic.openapi.json';
/** Folder of `@jamf/classic-api` that only the generator writes. */
export const CLASSIC_GENERATED_DIR = 'packages/classic-api/src/generated';
/** The object schemas, expected beside the swagger. */
export const CLASSIC_SCHEMAS_FILE = 'classic-schemas.json';

/** Everything under `packages/classic-api/src/generated/` for a distilled spec, keyed by repo path. */
export async function classicGeneratedFiles(
  spec: Record<string, unknown>,
): Promise<Record<string, string>> {
  const version =
    (spec['x-jamf-source'] as { jamfProVersion?: string } | undefined)?.jamfProVersion ?? 'unknown';
  return {
    [`${CLASSIC_GENERATED_DIR}/openapi.ts`]: await generateTypes(
      spec,
      generatedBanner(`Types of every Jamf Classic API operation (Jamf Pro ${version}).`),
    ),
    [`${CLASSIC_GENERATED_DIR}/resources.ts`]: resourcesModule(spec, version),
  };
}

/** The runtime resource table, XML shapes and per-resource types of `@jamf/classic-api`. */
export function resourcesModule(spec: Record<string, unknown>, version: string): string {
  const resources = (spec['x-jamf-classic-resources'] ?? {}) as Record<string, ClassicResource>;
  const schemas = ((spec.components as Record<string, unknown>).schemas ?? {}) as Record<
    string,
    unknown
  >;
  const names = Object.keys(resources).sort();
  const table: Record<string, unknown> = {};
  const shapes: Record<string, unknown> = {};
  const types: string[] = [];
  for (const name of names) {
    const resource = resources[name] as ClassicResource;
    table[name] = resource;
    shapes[resource.root] = xmlShapeOf(
      { $ref: `#/components/schemas/${resource.schema}` },
      schemas,
    );
    const object = `components['schemas'][${JSON.stringify(resource.schema)}]`;
    let listItem = 'never';
    if (resource.list) {
      shapes[resource.list.root] = xmlShapeOf(
        { $ref: `#/components/schemas/${resource.list.schema}` },
        schemas,
      );
      const list = `components['schemas'][${JSON.stringify(resource.list.schema)}]`;
      listItem = `${list} extends readonly (infer Item)[] ? Item : never`;
    }
    types.push(`  ${JSON.stringify(name)}: { object: ${object}; listItem: ${listItem} };`);
  }
  return [
    generatedBanner(`Classic API resources, their lookups and XML shapes (Jamf Pro ${version}).`),
    '',
    "import type { components } from './openapi.js';",
    '',
    '/** Each resource: segment, root element, schema, list, lookups by key and singleton form. */',
    'export const classicResourceTable = {',
    ...names.map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify(table[name])},`),
    '} as const;',
    '',
    "/** An element's XML facts: `'n'` number, `'b'` boolean, `'s'` text, `{ o }` object, `{ a, s?, i }` wrapped array, `{ r }` repeated element. */",
    XML_SHAPE_DECLARATION,
    '',
    '/** XML facts per root element. */',
    `export const classicXmlShapes: Record<string, XmlShape> = ${JSON.stringify(shapes)};`,
    '',
    '/** The object and list item type of each resource. */',
    'export interface ClassicResourceTypes {',
    ...types,
    '}',
    '',
  ].join('\n');
}

/**
 * The Classic API target: Jamf's Classic swagger plus the Classic object schemas (found beside
 * it) → `specs/jamf-classic.openapi.json` → `generated/openapi.ts` and `generated/resources.ts`
 * of `@jamf/classic-api`. Under `--check` with no source it regenerates from the committed spec.
 */
export const classicTarget: CodegenTarget = {
  name: 'classic',
  sourceDefault: '../shared/reference/jamf-pro-11.30.1.classic-swagger.yaml',
  ownedDirs: [CLASSIC_GENERATED_DIR],
  async build(context) {
    const from = context.source;
    const schemasFile = from === undefined ? undefined : join(dirname(from), CLASSIC_SCHEMAS_FILE);
    let spec: Record<string, unknown>;
    let files: Record<string, string> = {};
    if (
      from !== undefined &&
      schemasFile !== undefined &&
      existsSync(from) &&
      existsSync(schemasFile)
    ) {
      const swagger = await loadSchema(from);
      const schemas = await loadSchema(schemasFile);
      const version = context.jamfVersion ?? versionFromSource(swagger.source) ?? 'unknown';
      const distilled = distilClassic(swagger.document, schemas.document, version);
      if (distilled.repairs.length > 0) {
        context.log(`classic: repaired ${distilled.repairs.length} defects of the swagger`);
      }
      const text = stableStringify(distilled.spec);
      // Generate from the sorted form, exactly as `--check` will from the committed file.
      spec = JSON.parse(text) as Record<string, unknown>;
      files = { [CLASSIC_SPEC_FILE]: text };
    } else {
      const committed = context.isCheck
        ? await readRepoInput(context, CLASSIC_SPEC_FILE)
        : undefined;
      if (committed === undefined) {
        throw new TargetError(
          'SOURCE_MISSING',
          `no Classic swagger at ${from ?? '(none)'} with ${CLASSIC_SCHEMAS_FILE} beside it; pass --from FILE`,
        );
      }
      context.log(
        `skip: ${from} is absent, so only generated/ is checked against the committed ${CLASSIC_SPEC_FILE}`,
      );
      spec = JSON.parse(committed) as Record<string, unknown>;
    }
    return { ...files, ...(await classicGeneratedFiles(spec)) };
  },
};
