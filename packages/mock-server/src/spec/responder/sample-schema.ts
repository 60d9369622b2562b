/** A JSON Schema node of an OpenAPI 3.0 document, read loosely: the spec is data, not types. */
type SchemaNode = { readonly [keyword: string]: unknown };

/** Whether the sample is for a response (drops `writeOnly`) or a request (drops `readOnly`). */
export type SampleDirection = 'response' | 'request';

/** Where `$ref`s of the schemas resolve: the document's `components`. */
export interface SchemaSource {
  readonly components?: { readonly schemas?: Readonly<Record<string, unknown>> };
}

/** How deep a recursive `$ref` may nest before the sampler stops following it. */
const MAX_REF_REPEAT = 1;
const MAX_DEPTH = 12;
const FIXED_INSTANT = Date.UTC(2026, 0, 15, 9, 30, 0);

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refName(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new RangeError(`unsupported $ref ${ref}`);
  return decodeURIComponent(ref.slice(prefix.length)).replaceAll('~1', '/').replaceAll('~0', '~');
}

/** FNV-1a of a string: a stable number per property path, so samples vary but never change. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hex(seed: number, length: number): string {
  let out = '';
  let x = seed || 1;
  while (out.length < length) {
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

interface Walk {
  readonly source: SchemaSource;
  readonly direction: SampleDirection;
  readonly refStack: string[];
}

/**
 * Builds a deterministic value that satisfies `schema` (OpenAPI 3.0 dialect): the same schema and
 * path always give the same value. Handles `$ref` (with a recursion guard), `allOf`/`oneOf`/`anyOf`,
 * enums, formats, `nullable`, numeric and length bounds, arrays and `additionalProperties`.
 * Examples in the schema are ignored on purpose: Jamf's contradict their own schemas.
 */
export function sampleSchema(
  schema: unknown,
  source: SchemaSource,
  options: { direction?: SampleDirection; path?: string } = {},
): unknown {
  const walk: Walk = { source, direction: options.direction ?? 'response', refStack: [] };
  return sample(schema, walk, options.path ?? '$', 0);
}

function resolve(node: SchemaNode, walk: Walk): SchemaNode {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const target = walk.source.components?.schemas?.[refName(current.$ref)];
    if (!isNode(target)) throw new RangeError(`unresolved $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

/** Folds `allOf` members (and the node's own keywords) into one schema. */
function mergeAllOf(node: SchemaNode, walk: Walk): SchemaNode {
  if (!Array.isArray(node.allOf)) return node;
  const { allOf, ...own } = node;
  const merged: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  for (const part of [...(allOf as unknown[]), own]) {
    if (!isNode(part)) continue;
    const flat = mergeAllOf(resolve(part, walk), walk);
    for (const [key, value] of Object.entries(flat)) {
      if (key === 'properties' && isNode(value)) Object.assign(properties, value);
      else if (key === 'required' && Array.isArray(value))
        for (const r of value) required.add(String(r));
      else merged[key] = value;
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function sample(schema: unknown, walk: Walk, path: string, depth: number): unknown {
  if (!isNode(schema)) return {};
  const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
  if (ref !== undefined) {
    const repeats = walk.refStack.filter((r) => r === ref).length;
    if (repeats > MAX_REF_REPEAT || depth > MAX_DEPTH) return minimal(resolve(schema, walk), walk);
    walk.refStack.push(ref);
    try {
      return sample(resolve(schema, walk), walk, path, depth + 1);
    } finally {
      walk.refStack.pop();
    }
  }
  const node = mergeAllOf(schema, walk);
  if (Array.isArray(node.enum) && node.enum.length > 0) {
    const usable = node.enum.filter((v) => v !== null);
    return usable.length > 0 ? usable[0] : null;
  }
  const choice = Array.isArray(node.oneOf)
    ? node.oneOf
    : Array.isArray(node.anyOf)
      ? node.anyOf
      : undefined;
  if (choice !== undefined && choice.length > 0)
    return sampleChoice(node, choice, walk, path, depth);
  switch (typeOf(node)) {
    case 'object':
      return sampleObject(node, walk, path, depth);
    case 'array':
      return sampleArray(node, walk, path, depth);
    case 'integer':
      return sampleNumber(node, path, true);
    case 'number':
      return sampleNumber(node, path, false);
    case 'boolean':
      return hash(path) % 2 === 0;
    case 'string':
      return sampleString(node, path);
    default:
      // A schema with no type (e.g. `nullable` alone) accepts anything: null is the honest answer.
      return node.nullable === true ? null : {};
  }
}

function typeOf(node: SchemaNode): string | undefined {
  if (typeof node.type === 'string') return node.type;
  if (isNode(node.properties) || node.additionalProperties !== undefined) return 'object';
  if (node.items !== undefined) return 'array';
  return undefined;
}

/** The smallest valid value: what a recursion guard returns instead of another level. */
function minimal(node: SchemaNode, walk: Walk): unknown {
  const flat = mergeAllOf(node, walk);
  if (flat.nullable === true) return null;
  switch (typeOf(flat)) {
    case 'array':
      return [];
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = isNode(flat.properties) ? flat.properties : {};
      for (const name of Array.isArray(flat.required) ? flat.required : []) {
        const prop = props[String(name)];
        if (isNode(prop)) {
          const resolved = mergeAllOf(resolve(prop, walk), walk);
          const type = typeOf(resolved);
          out[String(name)] =
            type === 'object' || type === 'array'
              ? minimal(resolved, walk)
              : sample(resolved, walk, String(name), MAX_DEPTH);
        }
      }
      return out;
    }
    default:
      return sample(flat, walk, 'guard', MAX_DEPTH);
  }
}

function sampleChoice(
  node: SchemaNode,
  choices: unknown[],
  walk: Walk,
  path: string,
  depth: number,
): unknown {
  const first = choices[0];
  const value = sample(first, walk, path, depth + 1);
  const discriminator = isNode(node.discriminator) ? node.discriminator : undefined;
  if (discriminator && typeof discriminator.propertyName === 'string' && isNode(value)) {
    const firstRef = isNode(first) && typeof first.$ref === 'string' ? first.$ref : undefined;
    const mapping = isNode(discriminator.mapping) ? discriminator.mapping : {};
    const key = Object.entries(mapping).find(([, target]) => target === firstRef)?.[0];
    if (key !== undefined) return { ...value, [discriminator.propertyName]: key };
  }
  return value;
}

function sampleObject(
  node: SchemaNode,
  walk: Walk,
  path: string,
  depth: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = isNode(node.properties) ? node.properties : {};
  const required = new Set(Array.isArray(node.required) ? node.required.map(String) : []);
  for (const [name, propSchema] of Object.entries(properties)) {
    if (!isNode(propSchema)) continue;
    const resolved = propSchema.$ref === undefined ? propSchema : resolve(propSchema, walk);
    const hidden =
      walk.direction === 'response' ? resolved.writeOnly === true : resolved.readOnly === true;
    if (hidden && !required.has(name)) continue;
    if (depth > MAX_DEPTH && !required.has(name)) continue;
    out[name] = sample(propSchema, walk, `${path}.${name}`, depth + 1);
  }
  for (const name of required) {
    // Jamf lists some required names that `properties` never declares; any value satisfies them.
    if (!(name in out) && !(name in properties))
      out[name] = `${name}-${hash(`${path}.${name}`) % 9000}`;
  }
  const extra = node.additionalProperties;
  if (extra !== undefined && extra !== false && Object.keys(properties).length === 0) {
    out.key1 = extra === true ? 'value1' : sample(extra, walk, `${path}.key1`, depth + 1);
  }
  return out;
}

function sampleArray(node: SchemaNode, walk: Walk, path: string, depth: number): unknown[] {
  const min = typeof node.minItems === 'number' ? node.minItems : 0;
  const max = typeof node.maxItems === 'number' ? node.maxItems : Number.POSITIVE_INFINITY;
  const wanted = Math.min(Math.max(min, depth > MAX_DEPTH / 2 ? 0 : 1), max);
  const items: unknown[] = [];
  for (let i = 0; i < wanted; i++) items.push(sample(node.items, walk, `${path}[${i}]`, depth + 1));
  if (
    node.uniqueItems === true &&
    new Set(items.map((v) => JSON.stringify(v))).size < items.length
  ) {
    return items.slice(0, 1);
  }
  return items;
}

function sampleNumber(node: SchemaNode, path: string, isInteger: boolean): number {
  const exclusiveMin = node.exclusiveMinimum === true;
  const exclusiveMax = node.exclusiveMaximum === true;
  let low =
    typeof node.minimum === 'number'
      ? node.minimum + (exclusiveMin ? (isInteger ? 1 : 0.5) : 0)
      : 1;
  const high =
    typeof node.maximum === 'number'
      ? node.maximum - (exclusiveMax ? (isInteger ? 1 : 0.5) : 0)
      : low + 999;
  if (isInteger) low = Math.ceil(low);
  const span = Math.max(0, Math.floor(high - low));
  const value = low + (span === 0 ? 0 : hash(path) % Math.min(span + 1, 1000));
  return isInteger ? value : value + (value + 0.25 <= high ? 0.25 : 0);
}

/**
 * The format a string property's name implies where the spec gives none: Jamf's spec declares
 * few formats, so `uuid`, `managementId` or `dateSent` came out as `uuid-9803`, which clients
 * that parse them refuse (jamf-pro-sdk-python reads `/v2/mdm/commands`' `uuid` and
 * `client.managementId` as UUIDs). A history entry's `date` is a date-time (the spec's example
 * for `ObjectHistory.date`).
 */
function formatByName(leaf: string): string | undefined {
  if (/^(?:uuid|udid)$|(?:Uuid|Udid|ManagementId)$|^managementId$/.test(leaf)) return 'uuid';
  if (/^date(?:[A-Z]|$)|[a-z](?:Date|Timestamp)$/.test(leaf)) return 'date-time';
  if (/^email(?:Address)?$|[a-z]Email(?:Address)?$/.test(leaf)) return 'email';
  if (/^(?:url|href)$|[a-z](?:Url|Href)$/.test(leaf)) return 'url';
  return undefined;
}

function sampleString(node: SchemaNode, path: string): string {
  const seed = hash(path);
  const leaf =
    path
      .slice(path.lastIndexOf('.') + 1)
      .replace(/\[\d+\]$/, '')
      .replace(/^\$$/, '') || 'value';
  let text: string;
  switch (node.format ?? formatByName(leaf)) {
    case 'date-time':
      text = new Date(FIXED_INSTANT + (seed % 86_400) * 1000).toISOString();
      break;
    case 'date':
      text = new Date(FIXED_INSTANT + (seed % 365) * 86_400_000).toISOString().slice(0, 10);
      break;
    case 'uuid': {
      const h = hex(seed, 32);
      text = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
      break;
    }
    case 'email':
      text = `${leaf.toLowerCase().replace(/[^a-z0-9]/g, '') || 'user'}@example.com`;
      break;
    case 'uri':
    case 'url':
      text = `https://example.com/${encodeURIComponent(leaf)}`;
      break;
    case 'byte':
    case 'base64':
      text = Buffer.from(`${leaf}-${seed % 1000}`).toString('base64');
      break;
    default:
      text =
        node.pattern === '^\\d+$' ? String((seed % 9999) + 1) : `${leaf}-${(seed % 9000) + 1000}`;
  }
  const minLength = typeof node.minLength === 'number' ? node.minLength : 0;
  const maxLength = typeof node.maxLength === 'number' ? node.maxLength : Number.POSITIVE_INFINITY;
  if (text.length < minLength) text = text.padEnd(minLength, 'x');
  if (text.length > maxLength) text = text.slice(0, maxLength);
  return text;
}
