import { classicXmlShapes, type XmlShape } from './generated/resources.js';

export type { XmlShape };

/** The shape of a root element (`computer_group`, `computers`, …), when the schemas describe it. */
export function shapeOfRoot(root: string): XmlShape | undefined {
  return classicXmlShapes[root];
}

/** The shape of a child element, when the parent's shape knows it. */
export function shapeOfChild(parent: XmlShape | undefined, name: string): XmlShape | undefined {
  return parent !== undefined && typeof parent === 'object' && 'o' in parent
    ? parent.o[name]
    : undefined;
}
