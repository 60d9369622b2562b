import type { XmlShape } from '../../generated/classic-resources.js';

type Elements = Record<string, unknown>;

const isElements = (value: unknown): value is Elements =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const FIRST = ['name', 'id'];

/** What an element of `shape` holds when nothing was written: `''`, `0`, `false`, `[]` or blanks. */
export function blankOf(shape: XmlShape): unknown {
  if (shape === 's') return '';
  if (shape === 'n') return 0;
  if (shape === 'b') return false;
  if ('o' in shape) return withBlanks({}, shape);
  return [];
}

/**
 * What Jamf writes for a reference to nothing: `<site><id>-1</id><name>None</name></site>` for an
 * object in no site, `<category><id>-1</id><name>No category assigned</name></category>` for one
 * in no category (scripts send and test for these; the hand-modelled resources answer them too).
 */
const NO_REFERENCE: Readonly<Record<string, Elements>> = {
  site: { id: -1, name: 'None' },
  category: { id: -1, name: 'No category assigned' },
};

/** The blank of element `key`: Jamf's "none" reference for a site or category, else blankOf. */
function blankAt(key: string, shape: XmlShape): unknown {
  const none = NO_REFERENCE[key];
  if (none !== undefined && typeof shape === 'object' && 'o' in shape)
    return withBlanks({ ...none }, shape);
  return blankOf(shape);
}

/**
 * `value` with every element `shape` knows and `value` lacks filled with its blank, items of
 * lists included, so a client reading any section of the object finds it (Classic objects read
 * from a live server carry every element). Elements the shape does not know are kept, after.
 */
export function withBlanks(value: unknown, shape: XmlShape): unknown {
  if (typeof shape === 'string')
    return value === undefined || value === null ? blankOf(shape) : value;
  if ('o' in shape) {
    const given = isElements(value) ? value : {};
    const out: Elements = {};
    // The schema's elements are sorted by name; Jamf writes an object's id and name first.
    const keys = Object.keys(shape.o).sort((a, b) => FIRST.indexOf(b) - FIRST.indexOf(a));
    for (const key of keys) {
      const child = shape.o[key] as XmlShape;
      out[key] = given[key] === undefined ? blankAt(key, child) : withBlanks(given[key], child);
    }
    for (const [key, child] of Object.entries(given)) if (!(key in out)) out[key] = child;
    return out;
  }
  const item = 'a' in shape ? shape.i : shape.r;
  return Array.isArray(value) ? value.map((entry) => withBlanks(entry, item)) : [];
}

/** The items of a parsed list element: `{size, item: x | [x…]}`, an array already, or empty. */
function itemsOf(value: unknown, itemName: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isElements(value)) return [];
  const items = value[itemName];
  return Array.isArray(items) ? items : items === undefined ? [] : [items];
}

/**
 * Parsed Classic XML (every leaf text, a list as `{size, item}`) as the JSON view types it by
 * `shape`: numbers, booleans, arrays where the shape has a list. Text that is not a number where
 * a number is expected stays text; elements the shape does not know are kept as parsed.
 */
export function fromXmlElement(value: unknown, shape: XmlShape | undefined): unknown {
  if (shape === undefined) return value;
  if (shape === 'n') {
    if (value === '' || value === undefined) return 0;
    return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())
      ? Number(value)
      : value;
  }
  if (shape === 'b')
    return typeof value === 'string' ? value.trim().toLowerCase() === 'true' : value;
  if (shape === 's') return value;
  if ('o' in shape) {
    if (!isElements(value)) return {};
    const out: Elements = {};
    for (const [key, child] of Object.entries(value))
      out[key] = fromXmlElement(child, shape.o[key]);
    return out;
  }
  if ('a' in shape) return itemsOf(value, shape.a).map((entry) => fromXmlElement(entry, shape.i));
  const repeated = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return repeated.map((entry) => fromXmlElement(entry, shape.r));
}

/** `patch` applied to `base` as a Classic PUT applies it: elements merged, lists and leaves replaced. */
export function mergeElements(base: Elements, patch: Elements): Elements {
  const out: Elements = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const before = out[key];
    out[key] = isElements(before) && isElements(value) ? mergeElements(before, value) : value;
  }
  return out;
}

/** The element at a dotted `path` (`general.name`), or undefined. */
export function elementAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) at = isElements(at) ? at[key] : undefined;
  return at;
}

/** `value` with the element at `path` set to `element` (objects on the way created). */
export function withElementAt(
  value: Elements,
  path: readonly string[],
  element: unknown,
): Elements {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const child = value[key];
  return {
    ...value,
    [key]:
      rest.length === 0 ? element : withElementAt(isElements(child) ? child : {}, rest, element),
  };
}

/** The shape of the element at `path` within `shape`, or undefined. */
export function shapeAt(
  shape: XmlShape | undefined,
  path: readonly string[],
): XmlShape | undefined {
  let at = shape;
  for (const key of path)
    at = at !== undefined && typeof at === 'object' && 'o' in at ? at.o[key] : undefined;
  return at;
}

/** Elements holding a secret: a password or a token Jamf takes on writes. */
const SECRET = /(^|_)password$|^service_token$/;

/**
 * `value` with every secret element (`password`, `*_password`, `service_token`) blank: the mock
 * keeps what was written but never shows it back (unverified: what Jamf shows for each).
 */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!isElements(value)) return value;
  const out: Elements = {};
  for (const [key, child] of Object.entries(value))
    out[key] = SECRET.test(key) && typeof child === 'string' ? '' : withoutSecrets(child);
  return out;
}
