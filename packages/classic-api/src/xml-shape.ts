import { classicXmlShapes } from './generated/resources.js';

/**
 * The XML facts of a Classic element, from the generated table: `'n'` number, `'b'` boolean,
 * `'s'` string; `{ o }` an object; `{ a, s?, i }` an array wrapped in its own element with `a`
 * children (and a `<size>` when `s`); `{ r }` an element repeated in place.
 */
export type XmlShape =
  | 'n'
  | 'b'
  | 's'
  | { o: Record<string, XmlShape> }
  | { a: string; s?: true; i: XmlShape }
  | { r: XmlShape };

/** The shape of a root element (`computer_group`, `computers`, …), when the schemas describe it. */
export function shapeOfRoot(root: string): XmlShape | undefined {
  return (classicXmlShapes as Record<string, XmlShape | undefined>)[root];
}

/** The shape of a child element, when the parent's shape knows it. */
export function shapeOfChild(parent: XmlShape | undefined, name: string): XmlShape | undefined {
  return parent !== undefined && typeof parent === 'object' && 'o' in parent
    ? parent.o[name]
    : undefined;
}
