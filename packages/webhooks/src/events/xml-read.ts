import { XMLParser } from 'fast-xml-parser';
import type { GenericSchema } from 'valibot';
import * as v from 'valibot';

// Jamf Pro sends the same payload as XML (`<JSSEvent><webhook>…</webhook><event>…</event>`) when
// a webhook's content type is `text/xml`. XML has no types, so the values are read as text and
// then converted by walking the event's own schema: one description of each event, two forms.
// How Jamf writes a list in XML is unverified: a list element's children (whatever their name)
// are its items, and an empty list element is an empty list.

let parser: XMLParser | undefined;

/** Parses an XML body into its root element's content, all values as strings. */
export function readXml(body: string): unknown {
  parser ??= new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    processEntities: true,
  });
  const document = parser.parse(body, true) as Record<string, unknown>;
  const roots = Object.keys(document);
  return roots.length === 1 ? document[roots[0]!] : undefined;
}

type SchemaNode = GenericSchema & {
  type: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  wrapped?: SchemaNode;
  options?: SchemaNode[];
  literal?: unknown;
};

/** Converts XML text values to the types `schema` expects, where they convert cleanly. */
export function coerceXml(schema: GenericSchema, node: unknown): unknown {
  const s = schema as SchemaNode;
  switch (s.type) {
    case 'optional':
      return node === undefined ? undefined : coerceXml(s.wrapped!, node);
    case 'number':
      return typeof node === 'string' && /^-?\d+(\.\d+)?$/.test(node) ? Number(node) : node;
    case 'boolean':
      return node === 'true' ? true : node === 'false' ? false : node;
    case 'literal':
      return typeof s.literal === 'string'
        ? node
        : coerceXml({ type: typeof s.literal } as SchemaNode, node);
    case 'union':
      for (const option of s.options!) {
        const value = coerceXml(option, node);
        if (v.is(option, value)) return value;
      }
      return node;
    case 'array':
      return listItems(node).map((item) => coerceXml(s.item!, item));
    case 'object':
    case 'loose_object':
    case 'strict_object': {
      if (node === '') return {};
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        const entry = s.entries![key];
        out[key] = entry === undefined ? value : coerceXml(entry, value);
      }
      return out;
    }
    default:
      return node;
  }
}

function listItems(node: unknown): unknown[] {
  if (node === '' || node === undefined) return [];
  if (Array.isArray(node)) return node;
  if (typeof node === 'object' && node !== null) {
    const keys = Object.keys(node);
    if (keys.length === 1) {
      const items = (node as Record<string, unknown>)[keys[0]!];
      return Array.isArray(items) ? items : [items];
    }
  }
  return [node];
}
