import type { XmlShape } from '../../generated/classic-resources.js';
import type { ClassicObject } from '../../state/classic-objects.js';
import type { ClassicResource } from './classic-resource.js';
import { fromXmlElement, mergeElements, withBlanks } from './classic-shape.js';

/**
 * A peripheral type as ruby-jss writes and reads one (`lib/jamf/api/classic/api_objects/
 * peripheral_type.rb`: `rest_xml` writes `id`, `name` and `fields` of `field` items with
 * `order`, `name`, `type` and `choices` of `choice`; `initialize` reads `fields` as a list): the
 * Classic schemas document no object for it.
 */
const PERIPHERAL_TYPE: XmlShape = {
  o: {
    id: 'n',
    name: 's',
    fields: {
      a: 'field',
      i: { o: { order: 'n', name: 's', type: 's', choices: { a: 'choice', i: 's' } } },
    },
  },
};

/** The list: `<size>` and `peripheral_type` items with `id` and `name` (unverified on the wire). */
const PERIPHERAL_TYPES: XmlShape = {
  a: 'peripheral_type',
  s: true,
  i: { o: { id: 'n', name: 's' } },
};

/**
 * Classic `peripheraltypes`: list, and create, read, update and delete by id (the 11.30.1 Classic
 * spec's paths: no name lookup), stored as written in the shape above, every element present
 * when read (blank where nothing was written); names required and unique, as for other named
 * Classic objects; `Peripheral Types` privileges. None are seeded (unverified: what a new server
 * has). The field `type` (`text` or `menu` in ruby-jss) is not checked (unverified).
 */
export const classicPeripheralTypes: ClassicResource<ClassicObject> = {
  plural: 'peripheraltypes',
  privilegeObjects: ['Peripheral Types'],
  listRoot: 'peripheral_types',
  root: 'peripheral_type',
  store: (state) => state.classicObjects.store('peripheraltypes', () => []),
  summary: (row) => ({ id: row.id, name: row.name }),
  detail: (row) =>
    withBlanks({ ...row.fields, id: row.id, name: row.name }, PERIPHERAL_TYPE) as Record<
      string,
      unknown
    >,
  lookups: {},
  fromXml(value, existing) {
    // An id in the body is ignored: reads show the server's id.
    const { id: _id, ...written } = fromXmlElement(value, PERIPHERAL_TYPE) as Record<
      string,
      unknown
    >;
    const fields = existing === undefined ? written : mergeElements(existing.fields, written);
    const name = typeof fields.name === 'string' ? fields.name : '';
    return { name, fields };
  },
  isNameUnique: true,
  xmlShapes: { list: PERIPHERAL_TYPES, object: PERIPHERAL_TYPE },
};
