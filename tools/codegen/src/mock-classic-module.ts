import type { ClassicResource } from './classic-resources.js';
import { XML_SHAPE_DECLARATION, xmlShapeOf } from './classic-xml-shapes.js';
import { generatedBanner } from './generate-types.js';

/** The same facts as source text: what the mock reads of each Classic resource. */
const FACTS_DECLARATION = `/** One Classic resource as the distilled spec describes it, with the elements a write must carry. */
export interface ClassicResourceFacts {
  /** First path segment after \`/JSSResource/\`, e.g. \`printers\`. */
  segment: string;
  /** Root element of one object, e.g. \`printer\`. */
  root: string;
  /** Component schema of one object. */
  schema: string;
  /** The list answered by \`GET /<segment>\`, when the spec documents its shape. */
  list?: { path: string; root: string; schema: string };
  /** Lookups by word (\`id\`, \`name\`, …): path template, parameter and methods (lower case). */
  lookups: Record<string, { path: string; param: string; methods: string[] }>;
  /** A singleton (\`/smtpserver\`): read and updated at \`/<segment>\` itself. */
  singleton?: { path: string; methods: string[] };
  /** Elements the object schema requires, as dotted paths (\`name\`, \`general.name\`). */
  required: string[];
}`;

type Schema = Record<string, unknown>;

/** A schema with its `$ref`s followed and `allOf` merged (properties and required). */
function flatten(schema: unknown, schemas: Record<string, unknown>, depth = 0): Schema {
  if (depth > 12 || schema === null || typeof schema !== 'object') return {};
  const node = schema as Schema;
  if (typeof node.$ref === 'string')
    return flatten(schemas[node.$ref.replace('#/components/schemas/', '')], schemas, depth + 1);
  if (!Array.isArray(node.allOf)) return node;
  const properties: Schema = {};
  const required: string[] = [];
  for (const part of node.allOf) {
    const flat = flatten(part, schemas, depth + 1);
    Object.assign(properties, flat.properties ?? {});
    if (Array.isArray(flat.required)) required.push(...(flat.required as string[]));
  }
  return { type: 'object', properties, required };
}

/** Required elements of an object schema, and of its `general` section, as dotted paths. */
function requiredElements(schema: unknown, schemas: Record<string, unknown>): string[] {
  const flat = flatten(schema, schemas);
  const own = Array.isArray(flat.required) ? (flat.required as string[]) : [];
  const general = (flat.properties as Schema | undefined)?.general;
  const inGeneral = general === undefined ? {} : flatten(general, schemas);
  const nested = Array.isArray(inGeneral.required) ? (inGeneral.required as string[]) : [];
  return [...own, ...nested.map((name) => `general.${name}`)];
}

/**
 * The Classic facts `@jamf/mock-server` serves its spec-derived Classic resources from: the
 * distilled spec's resource table (with the elements each object schema requires) and the XML
 * shape of every object and list root, so the mock knows arrays, item element names, `<size>`
 * and leaf types without shipping the whole Classic document.
 */
export function mockClassicModule(spec: Record<string, unknown>): string {
  const version =
    (spec['x-jamf-source'] as { jamfProVersion?: string } | undefined)?.jamfProVersion ?? 'unknown';
  const resources = (spec['x-jamf-classic-resources'] ?? {}) as Record<string, ClassicResource>;
  const schemas = ((spec.components as Schema | undefined)?.schemas ?? {}) as Record<
    string,
    unknown
  >;
  const facts: Record<string, unknown> = {};
  const shapes: Record<string, unknown> = {};
  for (const name of Object.keys(resources).sort()) {
    const resource = resources[name] as ClassicResource;
    const ref = (schema: string) => ({ $ref: `#/components/schemas/${schema}` });
    facts[name] = { ...resource, required: requiredElements(ref(resource.schema), schemas) };
    // An object whose root is also its list's (`computer_reports`) keeps its shape under its
    // schema's name; the root names the list's.
    const objectKey = resource.list?.root === resource.root ? resource.schema : resource.root;
    shapes[objectKey] = xmlShapeOf(ref(resource.schema), schemas);
    if (resource.list) shapes[resource.list.root] = xmlShapeOf(ref(resource.list.schema), schemas);
  }
  return [
    generatedBanner(`Classic API resources and XML shapes the mock serves (Jamf Pro ${version}).`),
    '',
    FACTS_DECLARATION,
    '',
    "/** An element's XML facts: `'n'` number, `'b'` boolean, `'s'` text, `{ o }` object, `{ a, s?, i }` wrapped array, `{ r }` repeated element. */",
    XML_SHAPE_DECLARATION,
    '',
    '/** Every Classic resource of the distilled spec, by name. */',
    `export const classicResourceFacts: Readonly<Record<string, ClassicResourceFacts>> = JSON.parse(${JSON.stringify(JSON.stringify(facts))});`,
    '',
    '/** XML facts per root element of an object or a list. */',
    `export const classicXmlShapes: Readonly<Record<string, XmlShape>> = JSON.parse(${JSON.stringify(JSON.stringify(shapes))});`,
    '',
  ].join('\n');
}
