import { areaTable, withAreaTable } from './area-table.js';
import { generatedBanner, generateTypes } from './generate-types.js';
import { HTTP_METHODS } from './operations.js';
import { AREA_SUBPATH, withAreaExports } from './package-exports.js';
import { PRO_GENERATED_DIR, PRO_SPEC_FILE } from './pro-target.js';
import { type CodegenTarget, readRepoInput, TargetError } from './target.js';

/** Folder of the per-tag type modules (paths and the components they reach). */
export const PRO_AREAS_DIR = `${PRO_GENERATED_DIR}/areas`;
/** Folder of the per-tag entry modules behind `@jamf/pro-api/areas/<tag>`. */
export const PRO_ENTRIES_DIR = `${PRO_GENERATED_DIR}/entries`;
/** `@jamf/pro-api`'s manifest, whose `./areas/<tag>` exports this target keeps in step with the tags. */
export const PRO_PACKAGE_JSON = 'packages/pro-api/package.json';
/** `@jamf/pro-api`'s README, whose path → area table (between markers) this target writes. */
export const PRO_README = 'packages/pro-api/README.md';

/**
 * Per-area entry points of `@jamf/pro-api`: for every tag of the distilled Pro spec, a types
 * module holding only that tag's paths and the components they reach, and an entry module with
 * a `createProClient` typed over those paths (and `paginate`, `unwrap`), plus the matching
 * `./areas/<tag>` entries of the package's `exports` and the README's path → area table. A
 * consumer that imports one area never makes `tsc` load the whole API's types.
 */
export const proAreasTarget: CodegenTarget = {
  name: 'pro-areas',
  ownedDirs: [PRO_AREAS_DIR, PRO_ENTRIES_DIR],
  async build(context) {
    const text = await readRepoInput(context, PRO_SPEC_FILE);
    if (text === undefined) {
      throw new TargetError(
        'INPUT_MISSING',
        `${PRO_SPEC_FILE} is missing; run the pro target first`,
      );
    }
    const spec = JSON.parse(text) as Record<string, unknown>;
    const version =
      (spec['x-jamf-source'] as { jamfProVersion?: string } | undefined)?.jamfProVersion ??
      'unknown';
    const files: Record<string, string> = {};
    const tags = listTags(spec);
    for (const tag of tags) {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(tag)) {
        throw new TargetError('INPUT_MISSING', `tag "${tag}" is not usable as a module name`);
      }
      files[`${PRO_AREAS_DIR}/${tag}.ts`] = await generateTypes(
        areaDocument(spec, tag),
        generatedBanner(
          `Types of the \`${tag}\` operations of the Jamf Pro API (Jamf Pro ${version}).`,
        ),
      );
      files[`${PRO_ENTRIES_DIR}/${tag}.ts`] = entryModule(tag, version);
    }
    const manifest = await readRepoInput(context, PRO_PACKAGE_JSON);
    // Only the `./areas/<tag>` export entries are ours; the rest of the manifest is left as written.
    if (manifest !== undefined) files[PRO_PACKAGE_JSON] = withAreaExports(manifest, tags);
    const readme = await readRepoInput(context, PRO_README);
    if (readme !== undefined) {
      files[PRO_README] = withAreaTable(readme, areaTable(spec), PRO_README);
    }
    return files;
  },
};

/** Every tag used by an operation of the document, sorted. */
export function listTags(spec: Record<string, unknown>): string[] {
  const tags = new Set<string>();
  for (const item of Object.values(pathItems(spec))) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as { tags?: unknown } | undefined;
      if (Array.isArray(operation?.tags)) for (const tag of operation.tags) tags.add(String(tag));
    }
  }
  return [...tags].sort();
}

/**
 * The spec cut down to the operations tagged `tag` and the components they reach through
 * `$ref` (transitively); everything else of the document (servers, security) is kept.
 */
export function areaDocument(spec: Record<string, unknown>, tag: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries(pathItems(spec))) {
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) {
      const isOperation = (HTTP_METHODS as readonly string[]).includes(key);
      if (!isOperation) kept[key] = value;
      else if ((value as { tags?: unknown[] }).tags?.includes(tag)) kept[key] = value;
    }
    if (HTTP_METHODS.some((method) => method in kept)) paths[path] = kept;
  }
  const components = (spec.components ?? {}) as Record<string, Record<string, unknown>>;
  const reached: Record<string, Record<string, unknown>> = {};
  const pending: unknown[] = [paths];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const match = /^#\/components\/([^/]+)\/(.+)$/.exec(value);
          if (!match) continue;
          const [, section = '', escaped = ''] = match;
          const name = escaped.replace(/~1/g, '/').replace(/~0/g, '~');
          const target = components[section]?.[name];
          if (target === undefined || reached[section]?.[name] !== undefined) continue;
          reached[section] ??= {};
          reached[section][name] = target;
          pending.push(target);
        } else {
          pending.push(value);
        }
      }
    }
  }
  if (components.securitySchemes) reached.securitySchemes = components.securitySchemes;
  return { ...spec, paths, components: sortSections(reached) };
}

function sortSections(
  sections: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const sorted: Record<string, Record<string, unknown>> = {};
  for (const section of Object.keys(sections).sort()) {
    const entries = sections[section] ?? {};
    sorted[section] = Object.fromEntries(
      Object.keys(entries)
        .sort()
        .map((k) => [k, entries[k]]),
    );
  }
  return sorted;
}

function pathItems(spec: Record<string, unknown>): Record<string, Record<string, unknown>> {
  return (spec.paths ?? {}) as Record<string, Record<string, unknown>>;
}

function entryModule(tag: string, version: string): string {
  const subpath = `@jamf/pro-api/${AREA_SUBPATH.slice(2)}${tag}`;
  return [
    generatedBanner(`Entry point \`${subpath}\` (Jamf Pro ${version}).`),
    '',
    "import { createClientFor, type ProClientFor, type ProClientOptions } from '../../create-client.js';",
    `import type { components, paths } from '../areas/${tag}.js';`,
    '',
    "export type { ProClientOptions } from '../../create-client.js';",
    "export type { PageItem, PaginatedPath, PaginateOptions } from '../../paginate.js';",
    "export { paginate } from '../../paginate.js';",
    "export type { FetchResult, SuccessData } from '../../unwrap.js';",
    "export { unwrap } from '../../unwrap.js';",
    `export type { components, operations, paths } from '../areas/${tag}.js';`,
    '',
    `/** An openapi-fetch client typed over the \`${tag}\` operations of the Jamf Pro API only. */`,
    'export type ProClient = ProClientFor<paths>;',
    '',
    `/** A schema reachable from the \`${tag}\` operations, by name. */`,
    "export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];",
    '',
    '/**',
    ` * Creates a client for the \`${tag}\` operations of the Jamf Pro API. Its types cover only this`,
    ' * area, so type-checking stays fast; use `@jamf/pro-api` for the whole API. `paginate` and',
    ' * `unwrap` from this entry work with it without loading the whole API either.',
    ' */',
    'export function createProClient(options: ProClientOptions): ProClient {',
    '  return createClientFor<paths>(options);',
    '}',
    '',
  ].join('\n');
}
