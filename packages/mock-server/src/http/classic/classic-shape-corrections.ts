import type { XmlShape } from '../../generated/classic-resources.js';

/** Where a live server's record differs from the shape the spec gives one element. */
export interface ShapeCorrection {
  /** Path of the element through objects, e.g. `['hardware', 'processor_architecture']`. */
  path: readonly string[];
  /** The element's shape on live servers; absent to drop an element servers do not write. */
  shape?: XmlShape;
}

type ObjectShape = { o: Record<string, XmlShape> };

const isObjectShape = (shape: XmlShape | undefined): shape is ObjectShape =>
  shape !== undefined && typeof shape === 'object' && 'o' in shape;

/** `shape` with `shape.o` rebuilt by `edit` along `path` (objects on the way copied, not shared). */
function editAt(
  shape: XmlShape,
  path: readonly string[],
  edit: (elements: Record<string, XmlShape>, key: string) => void,
): XmlShape {
  const [key, ...rest] = path;
  if (key === undefined || !isObjectShape(shape)) return shape;
  const elements = { ...shape.o };
  if (rest.length === 0) edit(elements, key);
  else elements[key] = editAt(elements[key] ?? { o: {} }, rest, edit);
  return { o: elements };
}

/** Element names in a server's order, per object: `''` for the record, else its dotted path. */
export type ElementOrder = Readonly<Record<string, readonly string[]>>;

/**
 * `shape` with each object's elements in the order `order` gives for its path (names it lists
 * first, in its order; the rest after, as they were); objects it does not list keep theirs.
 */
function inOrder(shape: XmlShape, order: ElementOrder, path: string): XmlShape {
  if (!isObjectShape(shape)) return shape;
  const wanted = order[path] ?? [];
  const rank = (key: string) => {
    const at = wanted.indexOf(key);
    return at === -1 ? wanted.length : at;
  };
  const keys = Object.keys(shape.o).sort((a, b) => rank(a) - rank(b));
  const childPath = (key: string) => (path === '' ? key : `${path}.${key}`);
  return {
    o: Object.fromEntries(
      keys.map((key) => [key, inOrder(shape.o[key] as XmlShape, order, childPath(key))]),
    ),
  };
}

/**
 * A live server's shape of a Classic record: the spec's `shape` with `corrections` applied
 * (elements added, replaced or dropped where public records of live servers differ) and every
 * object's elements in `order`, the order servers write them (the spec's are alphabetical).
 */
export function correctedShape(
  shape: XmlShape,
  corrections: readonly ShapeCorrection[],
  order: ElementOrder,
): XmlShape {
  let out = shape;
  for (const { path, shape: replacement } of corrections) {
    out = editAt(out, path, (elements, key) => {
      if (replacement === undefined) delete elements[key];
      else elements[key] = replacement;
    });
  }
  return inOrder(out, order, '');
}
