import { classicXmlShapes } from '../../generated/classic-resources.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { JsonEntity } from './classic-json-view.js';
import { type ProToClassic, proText, proValueOf } from './classic-pro-values.js';
import { type ClassicResource, xmlText } from './classic-resource.js';
import { proCollectionView } from './classic-shared-collections.js';

/** Pro's dock item `type` → Classic's, as each schema's enum lists them. */
const TYPES: ProToClassic = { APP: 'App', FILE: 'File', FOLDER: 'Folder' };

/**
 * Classic `dockitems`, a view of Pro `/v1/dock-items`: one set of dock items, two shapes (`type`
 * `App` ↔ `APP`, `File` ↔ `FILE`, `Folder` ↔ `FOLDER`; `name`, `path` and `contents` alike). A
 * Classic create without a type is an `App` (the Classic schema's default); a type outside the
 * list is refused with 409 (the wording is unverified).
 */
export function classicDockItems(document: OpenApiDocument): ClassicResource<JsonEntity> {
  return {
    plural: 'dockitems',
    privilegeObjects: ['Dock Items'],
    listRoot: 'dock_items',
    root: 'dock_item',
    store: proCollectionView(document, '/v1/dock-items', 'name'),
    summary: (row) => ({ id: row.id, name: row.name }),
    detail: (row) => ({
      id: row.id,
      name: row.name,
      type: TYPES[proText(row.fields.type)] ?? 'App',
      path: proText(row.fields.path),
      contents: proText(row.fields.contents),
    }),
    lookups: { name: (row) => row.name },
    fromXml(value, existing) {
      const fields = { ...(existing?.fields ?? { type: 'APP', path: '' }) };
      const typeText = xmlText(value, 'type');
      if (typeText !== undefined) {
        const type = proValueOf(TYPES, typeText);
        if (type === undefined) return `Invalid type: ${typeText}`;
        fields.type = type;
      }
      const path = xmlText(value, 'path');
      if (path !== undefined) fields.path = path;
      const contents = xmlText(value, 'contents');
      if (contents !== undefined) fields.contents = contents;
      return { name: xmlText(value, 'name') ?? existing?.name ?? '', fields };
    },
    isNameUnique: true,
    xmlShapes: { list: classicXmlShapes.dock_items, object: classicXmlShapes.dock_item! },
  };
}
