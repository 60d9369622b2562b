/**
 * Jamf's Classic object schemas describe arrays the way the XML looks: an array of objects with
 * one property named after the singular element (plus, often, a `size`), e.g.
 * `computers: [{ computer: {…}, size }]`. The JSON Jamf serves is a plain array of the singular
 * objects (`computers: [{…}]`), so this module rewrites each such array to the JSON shape and
 * records the XML facts beside it: `xml.wrapped`, the singular element name in
 * `x-jamf-classic-item`, and whether Jamf writes a `<size>` element in `x-jamf-classic-size`.
 */
export function normaliseClassicArrays(schemas: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, normaliseNode(schema)]),
  );
}

function normaliseNode(node: unknown, isArrayItem = false): unknown {
  if (Array.isArray(node)) return node.map((child) => normaliseNode(child));
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // openapi-typescript turns a `default` into a required property, but Jamf fills in defaults
    // for omitted elements: keep the fact under another name so writes may omit them.
    if (key === 'default' && !isPlainObject(value)) out['x-jamf-default'] = value;
    else out[key] = normaliseNode(value, key === 'items');
  }
  const items = out.items;
  if (isPlainObject(items) && isPlainObject(items.properties)) {
    // `[{ computer: {…}, size }]` → `[{…}]`, or `[{ computer_group: [{…}] }]` → `[{…}]`.
    return arrayOfElements(out, items.properties) ?? out;
  }
  if (!isArrayItem && out.type !== 'array' && isPlainObject(out.properties)) {
    // `{ group: [{…}] }` (a wrapper object around a repeated element) → `[{…}]`.
    const element = soleElement(out.properties);
    if (element && isPlainObject(element.schema) && element.schema.type === 'array') {
      const { properties: _drop, type: _type, ...rest } = out;
      return arrayOfElements({ ...rest, type: 'array' }, out.properties) ?? out;
    }
  }
  return out;
}

function soleElement(
  properties: Record<string, unknown>,
): { name: string; schema: unknown } | undefined {
  const elements = Object.keys(properties).filter((name) => name !== 'size');
  const [name] = elements;
  return elements.length === 1 && name !== undefined
    ? { name, schema: properties[name] }
    : undefined;
}

function arrayOfElements(
  node: Record<string, unknown>,
  properties: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const element = soleElement(properties);
  if (!element) return undefined;
  let itemSchema = element.schema;
  if (isPlainObject(itemSchema) && itemSchema.type === 'array' && itemSchema.items !== undefined) {
    itemSchema = itemSchema.items;
  }
  const out: Record<string, unknown> = { ...node, type: 'array' };
  out.items =
    isPlainObject(itemSchema) && !('$ref' in itemSchema)
      ? { ...itemSchema, xml: { name: element.name } }
      : itemSchema;
  out.xml = { ...(isPlainObject(out.xml) ? out.xml : {}), wrapped: true };
  out['x-jamf-classic-item'] = element.name;
  if ('size' in properties) out['x-jamf-classic-size'] = true;
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
