import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { ClassicApiError } from './errors.js';
import { shapeOfChild, shapeOfRoot, type XmlShape } from './xml-shape.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A raw CR would be read back as LF (XML line-end handling); a reference keeps it.
  '\r': '&#13;',
};

const builder = new XMLBuilder({
  processEntities: false,
  suppressEmptyNode: false,
  tagValueProcessor: (_name, value) =>
    String(value).replace(/[&<>"'\r]/g, (char) => ESCAPES[char] ?? char),
});

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

/**
 * Serialises an object as the XML document Jamf's Classic API expects for `root`: arrays become
 * a plural wrapper with singular children (and `<size>` where Jamf writes one), booleans
 * `true`/`false`, `''` or `null` an empty element, `undefined` no element at all.
 * @example toClassicXml('category', { name: 'Utilities', priority: 9 })
 */
export function toClassicXml(root: string, value: unknown): string {
  checkElementName(root);
  // One root element: `undefined` would leave none, an array one per item; neither is a document.
  if (value === undefined || Array.isArray(value)) {
    throw new ClassicApiError(
      'INVALID_REQUEST',
      `<${root}> needs an object or a value, not ${value === undefined ? 'undefined' : 'an array'}`,
    );
  }
  const tree = { [root]: toTree(value, shapeOfRoot(root), new Set()) };
  try {
    return `${DECLARATION}${builder.build(tree) as string}`;
  } catch (cause) {
    // The builder's own limit (`maxNestedTags`, 100 elements deep, as the reader's).
    throw new ClassicApiError('INVALID_REQUEST', 'The object cannot be written as XML', { cause });
  }
}

/**
 * Parses a Classic XML document into `{ root, value }`, typed by the schemas' facts: arrays stay
 * arrays (one child or none), numbers and booleans are converted, text stays text.
 * Throws `ClassicApiError` `INVALID_RESPONSE` when the text is not one XML element.
 */
export function parseClassicXml(xml: string): { root: string; value: unknown } {
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml, true) as Record<string, unknown>;
  } catch (cause) {
    throw new ClassicApiError('INVALID_RESPONSE', 'The body is not well-formed XML', { cause });
  }
  const roots = Object.keys(document).filter((key) => key !== '#text');
  const [root] = roots;
  if (roots.length !== 1 || root === undefined) {
    throw new ClassicApiError('INVALID_RESPONSE', 'The XML body has no single root element');
  }
  return { root, value: fromTree(document[root], shapeOfRoot(root)) };
}

/**
 * An XML element name as Jamf's objects use them (ASCII letters, digits, `_`, `-`, `.`, not
 * starting with a digit, `-` or `.`). Anything else would be written into the document as it is:
 * `{ 'a b<': 1 }` made `<a b<>1</a b<>`, a document Jamf cannot read, or markup of the caller's.
 */
const ELEMENT_NAME = /^[A-Za-z_][\w.-]*$/;

/**
 * Names the reader refuses (fast-xml-parser's guard against prototype pollution), and that a
 * plain object cannot hold as a child either: `out.__proto__ = …` sets the prototype, so the
 * element would vanish from the document without a word.
 */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Deepest nesting of objects walked: the builder and the reader stop at 100 elements deep
 * (fast-xml-parser `maxNestedTags`), and a much deeper object would overflow the stack here as a
 * RangeError before the builder could refuse it.
 */
const MAX_DEPTH = 100;

/**
 * Characters XML 1.0 cannot carry, even as references (`Char` production): C0 controls other
 * than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. Written as they are, they make a
 * document no parser, Jamf's included, accepts.
 */
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are the ones refused.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkElementName(name: string): void {
  if (typeof name !== 'string' || !ELEMENT_NAME.test(name) || RESERVED_NAMES.has(name)) {
    throw new ClassicApiError(
      'INVALID_REQUEST',
      `${JSON.stringify(String(name)).slice(0, 80)} is not an XML element name`,
    );
  }
}

/** `ancestors`: the objects being written around `value`, so a cycle fails instead of recursing. */
function toTree(value: unknown, shape: XmlShape | undefined, ancestors: Set<object>): unknown {
  if (value === null || value === undefined) return value === null ? '' : undefined;
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new ClassicApiError('INVALID_REQUEST', `A ${typeof value} cannot be written as XML`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new ClassicApiError('INVALID_REQUEST', `${value} cannot be written as an XML number`);
  }
  if (typeof value === 'string') {
    const bad = NOT_XML_CHAR.exec(value)?.[0];
    if (bad !== undefined) {
      throw new ClassicApiError(
        'INVALID_REQUEST',
        `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} cannot be written in an XML document`,
      );
    }
  }
  if (typeof value !== 'object') return value;
  if (!Array.isArray(value) && !isPlainData(value)) {
    // A Date, Map, Set, RegExp or Blob has no enumerable fields: it would become an empty element.
    throw new ClassicApiError(
      'INVALID_REQUEST',
      `A ${value.constructor?.name ?? 'object'} cannot be written as XML; pass its text`,
    );
  }
  if (ancestors.size >= MAX_DEPTH) {
    throw new ClassicApiError(
      'INVALID_REQUEST',
      `The object is nested deeper than ${MAX_DEPTH} levels: it cannot be written as XML`,
    );
  }
  if (ancestors.has(value)) {
    throw new ClassicApiError(
      'INVALID_REQUEST',
      'The object refers to itself: it cannot be written as XML',
    );
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      if (shape !== undefined && typeof shape === 'object' && 'a' in shape) {
        const wrapper: Record<string, unknown> = {};
        if (shape.s) wrapper.size = value.length;
        wrapper[shape.a] = value.map((item) => toTree(item, shape.i, ancestors));
        return wrapper;
      }
      // Unknown to the schemas: repeat the element in place.
      return value.map((item) => toTree(item, repeatedShape(shape), ancestors));
    }
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(value)) {
      if (child === undefined) continue;
      checkElementName(name);
      out[name] = toTree(child, shapeOfChild(shape, name), ancestors);
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}

/** A plain object, or any object with fields of its own (a class instance holding data). */
function isPlainData(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null || Object.keys(value).length > 0;
}

function repeatedShape(shape: XmlShape | undefined): XmlShape | undefined {
  return shape !== undefined && typeof shape === 'object' && 'r' in shape ? shape.r : undefined;
}

function fromTree(node: unknown, shape: XmlShape | undefined): unknown {
  if (shape !== undefined && typeof shape === 'object') {
    if ('a' in shape) {
      const children = isRecord(node) ? node[shape.a] : undefined;
      return asArray(children).map((child) => fromTree(child, shape.i));
    }
    if ('r' in shape) return asArray(node).map((child) => fromTree(child, shape.r));
    if (node === '' || isRecord(node)) return objectFromTree(isRecord(node) ? node : {}, shape);
  }
  if (Array.isArray(node)) return node.map((child) => fromTree(child, shape));
  if (isRecord(node)) return objectFromTree(node, shape);
  return leaf(String(node ?? ''), shape);
}

function objectFromTree(node: Record<string, unknown>, shape: XmlShape | undefined): unknown {
  const out: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(node)) {
    if (name === '#text') continue; // whitespace between elements
    const childShape = shapeOfChild(shape, name);
    out[name] =
      childShape !== undefined && typeof childShape === 'object' && 'r' in childShape
        ? asArray(child).map((item) => fromTree(item, childShape.r))
        : fromTree(child, childShape);
  }
  return out;
}

function leaf(text: string, shape: XmlShape | undefined): unknown {
  if (shape === 'b' && (text === 'true' || text === 'false')) return text === 'true';
  if (shape === 'n' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
