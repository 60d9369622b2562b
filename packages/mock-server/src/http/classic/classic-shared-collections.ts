import type { OpenApiDocument } from '../../spec/openapi-document.js';
import { storedObject } from '../../spec/resource-objects.js';
import type { JsonObject } from '../../state/json-collection.js';
import type { MockState } from '../../state/mock-state.js';
import { sitesOf } from '../../state/sites.js';
import { sharedCollectionStore } from '../pro/generic-collections.js';
import { type JsonEntity, JsonEntityView } from './classic-json-view.js';
import type { ClassicResource } from './classic-resource.js';
import { xmlText } from './classic-resource.js';
import { categoryIdByName } from './classic-simple-resources.js';

const isTrue = (text: string | undefined, fallback: unknown): boolean =>
  text === undefined ? fallback === true : text.toLowerCase() === 'true';
const textOf = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;

/** The Classic view of the Pro collection at `template`, its name in `nameField`. */
export function proCollectionView(document: OpenApiDocument, template: string, nameField: string) {
  return (state: MockState): JsonEntityView => {
    const shared = sharedCollectionStore(document, template, state);
    if (shared === undefined) throw new Error(`The spec derives no collection at ${template}`);
    const { store, resource } = shared;
    return new JsonEntityView(store, nameField, (row) =>
      storedObject(resource.objectSchema, row, document),
    );
  };
}

/** Fields a package created through Classic starts with (what Pro's schema requires). */
const NEW_PACKAGE = {
  categoryId: '-1',
  fillUserTemplate: false,
  osInstall: false,
  priority: 10,
  rebootRequired: false,
  suppressEula: false,
  suppressFromDock: false,
  suppressRegistration: false,
  suppressUpdates: false,
};

/**
 * Classic `packages`, a view of Pro `/v1/packages`: one object, two shapes (`name` is Pro's
 * `packageName`, `filename` its `fileName`, `category` the name of its `categoryId`).
 */
export function classicPackages(document: OpenApiDocument): ClassicResource<JsonEntity> {
  return {
    plural: 'packages',
    privilegeObjects: ['Packages'],
    listRoot: 'packages',
    root: 'package',
    store: proCollectionView(document, '/v1/packages', 'packageName'),
    summary: (row) => ({ id: row.id, name: row.name }),
    detail: (row, state) => {
      const f = row.fields;
      const categoryId = Number(textOf(f.categoryId, '-1'));
      return {
        id: row.id,
        name: row.name,
        category: state.categories.get(categoryId)?.name ?? 'No category assigned',
        filename: textOf(f.fileName),
        info: textOf(f.info),
        notes: textOf(f.notes),
        priority: typeof f.priority === 'number' ? f.priority : 10,
        reboot_required: f.rebootRequired === true,
        fill_user_template: f.fillUserTemplate === true,
        fill_existing_users: f.fillExistingUsers === true,
        os_requirements: textOf(f.osRequirements),
        hash_type: textOf(f.hashType),
        hash_value: textOf(f.hashValue),
      };
    },
    lookups: { name: (row) => row.name },
    fromXml(value, existing, state) {
      const before: JsonObject = existing?.fields ?? NEW_PACKAGE;
      const categoryId = categoryIdByName(
        state,
        xmlText(value, 'category'),
        Number(textOf(before.categoryId, '-1')),
      );
      if (typeof categoryId === 'string') return categoryId;
      const priorityText = xmlText(value, 'priority');
      const priority = priorityText === undefined ? before.priority : Number(priorityText);
      if (!Number.isInteger(priority)) return 'Priority must be a number';
      const name = xmlText(value, 'name') ?? existing?.name ?? '';
      return {
        name,
        fields: {
          ...before,
          categoryId: String(categoryId),
          // Unverified: a Classic create without <filename> gets the package's name as its file.
          fileName: xmlText(value, 'filename') ?? textOf(existing?.fields.fileName, name),
          info: xmlText(value, 'info') ?? textOf(before.info),
          notes: xmlText(value, 'notes') ?? textOf(before.notes),
          priority,
          rebootRequired: isTrue(xmlText(value, 'reboot_required'), before.rebootRequired),
          fillUserTemplate: isTrue(xmlText(value, 'fill_user_template'), before.fillUserTemplate),
          fillExistingUsers: isTrue(
            xmlText(value, 'fill_existing_users'),
            before.fillExistingUsers,
          ),
          osRequirements: xmlText(value, 'os_requirements') ?? textOf(before.osRequirements),
        },
      };
    },
    // Unverified: the mock lets two packages share a display name, as its Pro view does.
    isNameUnique: false,
  };
}

/** Classic `sites`, the store Pro `GET /v1/sites` lists (Pro only lists; Classic creates and edits). */
export function classicSites(): ClassicResource<JsonEntity> {
  return {
    plural: 'sites',
    privilegeObjects: ['Sites'],
    listRoot: 'sites',
    root: 'site',
    store: (state) =>
      new JsonEntityView(sitesOf(state), 'name', (row) => ({ id: row.id, name: row.name })),
    summary: (row) => ({ id: row.id, name: row.name }),
    detail: (row) => ({ id: row.id, name: row.name }),
    lookups: { name: (row) => row.name },
    fromXml: (value, existing) => ({
      name: xmlText(value, 'name') ?? existing?.name ?? '',
      fields: {},
    }),
    isNameUnique: true,
  };
}
