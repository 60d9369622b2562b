/**
 * The XML facts of a Classic object, compact enough to ship at runtime: which elements are
 * arrays (and their singular child and `<size>`), and which leaves are numbers or booleans.
 * `'n'` number, `'b'` boolean, `'s'` string; `{ o }` an object; `{ a, s?, i }` an array wrapped
 * in its own element, of `a` elements whose shape is `i`, with a `<size>` element when `s` is
 * true; `{ r }` an element repeated in place (no wrapper), each of shape `r`.
 */
export type XmlShape =
  | 'n'
  | 'b'
  | 's'
  | { o: Record<string, XmlShape> }
  | { a: string; s?: true; i: XmlShape }
  | { r: XmlShape };

/** The same type as source text, emitted into the generated module the client reads. */
export const XML_SHAPE_DECLARATION = `export type XmlShape =
  | 'n'
  | 'b'
  | 's'
  | { o: Record<string, XmlShape> }
  | { a: string; s?: true; i: XmlShape }
  | { r: XmlShape };`;

const MAX_DEPTH = 12;

/** Builds the shape of a component schema, following `$ref`s and `allOf`. */
export function xmlShapeOf(schema: unknown, schemas: Record<string, unknown>, depth = 0): XmlShape {
  if (depth > MAX_DEPTH || schema === null || typeof schema !== 'object') return 's';
  const node = schema as Record<string, unknown>;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '');
    return xmlShapeOf(schemas[name], schemas, depth + 1);
  }
  if (Array.isArray(node.allOf)) {
    const parts = node.allOf.map((part) => xmlShapeOf(part, schemas, depth + 1));
    const merged: Record<string, XmlShape> = {};
    for (const part of parts)
      if (typeof part === 'object' && 'o' in part) Object.assign(merged, part.o);
    return Object.keys(merged).length > 0 ? { o: merged } : (parts[0] ?? 's');
  }
  if (node.type === 'array' || node.items !== undefined) {
    const item =
      typeof node['x-jamf-classic-item'] === 'string' ? node['x-jamf-classic-item'] : undefined;
    const itemSchema = node.items as Record<string, unknown> | undefined;
    const xmlName = (itemSchema?.xml as { name?: string } | undefined)?.name;
    const shape: XmlShape = {
      a: item ?? xmlName ?? 'item',
      i: xmlShapeOf(itemSchema, schemas, depth + 1),
    };
    if (node['x-jamf-classic-size'] === true) shape.s = true;
    return shape;
  }
  if (node.properties && typeof node.properties === 'object') {
    const o: Record<string, XmlShape> = {};
    for (const [name, child] of Object.entries(node.properties as Record<string, unknown>)) {
      o[name] = xmlShapeOf(child, schemas, depth + 1);
    }
    return { o };
  }
  if (node.type === 'integer' || node.type === 'number') return 'n';
  if (node.type === 'boolean') return 'b';
  return 's';
}
