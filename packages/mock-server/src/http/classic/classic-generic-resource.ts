import {
  type ClassicResourceFacts,
  classicResourceFacts,
  classicXmlShapes,
  type XmlShape,
} from '../../generated/classic-resources.js';
import type { ClassicObject } from '../../state/classic-objects.js';
import { seededRandom } from '../../state/inventory/seeded-random.js';
import type { MockState } from '../../state/mock-state.js';
import type { Route } from '../route.js';
import { CLASSIC_PRIVILEGE_OBJECTS } from './classic-privileges.js';
import { type ClassicResource, classicResourceRoutes } from './classic-resource.js';
import {
  elementAt,
  fromXmlElement,
  mergeElements,
  shapeAt,
  withBlanks,
  withElementAt,
  withoutSecrets,
} from './classic-shape.js';

/** How many objects each spec-derived Classic collection starts with (as the Pro ones do). */
export const SEEDED_CLASSIC_OBJECTS = 3;

type ObjectShape = { o: Record<string, XmlShape> };

/**
 * Lists the spec declares (`GET /licensedsoftware`, `GET /restrictedsoftware`,
 * `GET /infrastructuremanager`) without a shape the distilled spec keeps: the first two's list
 * element has the object's own name (`licensed_software`), the last's list schema is a bare
 * array. The items are the Classic schemas' `licensed_software_all` (`id`, `name`; no `<size>`)
 * and `restricted_software_all` (`<size>`, `restricted_software_title` items), as
 * go-api-sdk-jamfpro decodes them (`ResponseLicensedSoftwareList`,
 * `ResponseRestrictedSoftwaresList`), and `infrastructure_managers` (`<size>`, each whole
 * `infrastructure_manager`).
 */
const UNSHAPED_LISTS: Readonly<Record<string, XmlShape>> = {
  licensedsoftware: { a: 'licensed_software', i: { o: { id: 'n', name: 's' } } },
  restrictedsoftware: { a: 'restricted_software_title', s: true, i: { o: { id: 'n', name: 's' } } },
  infrastructuremanager: {
    a: 'infrastructure_manager',
    s: true,
    i: classicXmlShapes.infrastructure_manager as XmlShape,
  },
};

const isObjectShape = (shape: XmlShape | undefined): shape is ObjectShape =>
  shape !== undefined && typeof shape === 'object' && 'o' in shape;

/**
 * Where an object keeps its own `id` (and name): the top level (`printer`), else the first
 * section that has an `id` (`general` of a Mac application, `connection` of an LDAP server).
 */
function identityPath(shape: ObjectShape): string[] {
  if (shape.o.id === 'n') return [];
  for (const [key, child] of Object.entries(shape.o))
    if (isObjectShape(child) && child.o.id === 'n') return [key];
  return [];
}

/**
 * The element naming an object: `name` beside its id; else the first text element there the
 * schema requires (an allowed file extension's `extension`); none for objects without a name
 * (invitations).
 */
function namePath(
  shape: ObjectShape,
  base: string[],
  required: readonly string[],
): string[] | undefined {
  const at = shapeAt(shape, base);
  if (!isObjectShape(at)) return undefined;
  if (at.o.name === 's') return [...base, 'name'];
  const key = Object.keys(at.o).find(
    (child) => at.o[child] === 's' && required.includes([...base, child].join('.')),
  );
  return key === undefined ? undefined : [...base, key];
}

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The seed objects of a resource: names only, the rest blank; the same for the same seed. */
function seedsOf(facts: ClassicResourceFacts, name: string[] | undefined, seed: number) {
  return (): Omit<ClassicObject, 'id'>[] => {
    let hash = seed >>> 0;
    for (const char of facts.segment) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
    const random = seededRandom(hash);
    const label = facts.root.replaceAll('_', ' ');
    return Array.from({ length: SEEDED_CLASSIC_OBJECTS }, (_, index) => {
      const value = `${label} ${index + 1} ${random.hex(4)}`;
      return name === undefined
        ? { name: '', fields: {} }
        : { name: value, fields: withElementAt({}, name, value) };
    });
  };
}

/**
 * A Classic resource served from the spec alone: the object's elements as its schema's XML
 * shape types them, its list from the list schema, lookups from the spec's lookup paths. Undefined
 * when the spec gives no object shape or the mock knows no privilege for it.
 */
export function genericClassicResource(
  facts: ClassicResourceFacts,
): ClassicResource<ClassicObject> | undefined {
  const shape = classicXmlShapes[facts.root];
  const privilegeObjects = CLASSIC_PRIVILEGE_OBJECTS[facts.segment];
  if (!isObjectShape(shape) || privilegeObjects === undefined) return undefined;
  const listShape =
    facts.list === undefined ? UNSHAPED_LISTS[facts.segment] : classicXmlShapes[facts.list.root];
  const itemShape =
    listShape !== undefined && typeof listShape === 'object' && 'a' in listShape
      ? listShape.i
      : undefined;
  const base = identityPath(shape);
  const name = namePath(shape, base, facts.required);
  const lookups: Record<string, (row: Readonly<ClassicObject>) => string> = {};
  for (const lookup of Object.values(facts.lookups)) {
    const word = lookup.path.split('/')[2] ?? '';
    if (word === 'id') continue;
    if (word === 'name' && name !== undefined) lookups[word] = (row) => row.name;
    else if (shapeAt(shape, [...base, word]) === 's')
      lookups[word] = (row) => textOf(elementAt(row.fields, [...base, word]));
  }
  return {
    plural: facts.segment,
    listRoot: facts.list?.root ?? facts.root,
    root: facts.root,
    privilegeObjects,
    store: (state: MockState) =>
      state.classicObjects.store(facts.segment, seedsOf(facts, name, state.seed)),
    summary(row) {
      if (!isObjectShape(itemShape)) return { id: row.id, name: row.name };
      const item: Record<string, unknown> = {};
      for (const key of Object.keys(itemShape.o)) {
        if (key === 'id') item.id = row.id;
        else if (key === 'name' && name !== undefined) item.name = row.name;
        else item[key] = elementAt(row.fields, [...base, key]) ?? elementAt(row.fields, [key]);
      }
      return withBlanks(item, itemShape) as Record<string, unknown>;
    },
    detail: (row) =>
      withoutSecrets(
        withBlanks(withElementAt(row.fields, [...base, 'id'], row.id), shape),
      ) as Record<string, unknown>,
    lookups,
    fromXml(value, existing) {
      // An id written in the body is kept but never shown: reads show the server's id.
      const written = fromXmlElement(value, shape) as Record<string, unknown>;
      const fields = existing === undefined ? written : mergeElements(existing.fields, written);
      return { name: name === undefined ? '' : textOf(elementAt(fields, name)), fields };
    },
    isNameUnique: name !== undefined,
    isNameRequired: name !== undefined && facts.required.includes(name.join('.')),
    xmlShapes: { list: listShape, object: shape },
  };
}

/** Top-level Classic segments `routes` serve (`/JSSResource/<segment>…`). */
export function classicSegmentsOf(routes: readonly Route[]): Set<string> {
  const segments = new Set<string>();
  for (const route of routes)
    if (route.path.startsWith('/JSSResource/')) segments.add(route.path.split('/')[2] ?? '');
  return segments;
}

/** True when the spec declares `route`'s method on its path (`GET /<segment>` needs a list). */
export function isDeclared(facts: ClassicResourceFacts, route: Route): boolean {
  const method = route.method.toLowerCase();
  const word = route.path.split('/')[3];
  if (word === undefined)
    return method === 'get' && (facts.list !== undefined || facts.segment in UNSHAPED_LISTS);
  return Object.values(facts.lookups).some(
    (lookup) => lookup.path.split('/')[2] === word && lookup.methods.includes(method),
  );
}

/**
 * Routes of every Classic collection the spec describes and `handModelled` does not serve:
 * list, lookups, create, update and delete, each only where the spec declares the method.
 */
export function classicGenericRoutes(handModelled: ReadonlySet<string>): Route[] {
  const routes: Route[] = [];
  for (const facts of Object.values(classicResourceFacts)) {
    if (handModelled.has(facts.segment) || facts.singleton !== undefined) continue;
    const resource = genericClassicResource(facts);
    if (resource === undefined) continue;
    routes.push(...classicResourceRoutes(resource).filter((route) => isDeclared(facts, route)));
  }
  return routes;
}
