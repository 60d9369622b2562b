import { classicXmlShapes } from '../../generated/classic-resources.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { JsonObject } from '../../state/json-collection.js';
import type { MockState } from '../../state/mock-state.js';
import {
  JAMF_PATCH_SOURCE_ID,
  patchTitleById,
  patchTitleByNameId,
} from '../../state/patch-catalogue.js';
import {
  deletePatchTitle,
  isPatchSource,
  patchTitleConfigurations,
} from '../../state/patch-management.js';
import { packageIdNamed, packageNameOf } from '../pro/patch-title-configurations.js';
import { type JsonEntity, JsonEntityView } from './classic-json-view.js';
import { proText } from './classic-pro-values.js';
import {
  type ClassicResource,
  type ClassicStore,
  xmlList,
  xmlObject,
  xmlText,
} from './classic-resource.js';
import { categoryIdByName } from './classic-simple-resources.js';
import { siteIdFromXml, siteOf } from './classic-site-reference.js';

/**
 * The `package` of a version no package installs: an empty element, as a live server answers it
 * (PatchManager, an AutoPkg processor, adds `id` and `name` to that element before its PUT, and
 * ruby-jss's `PatchTitle::Version` reads an empty `package` as none).
 */
const NO_PACKAGE = {};

const listOf = (value: unknown): JsonObject[] =>
  Array.isArray(value)
    ? value.filter((entry): entry is JsonObject => typeof entry === 'object' && entry !== null)
    : [];

const isTrue = (text: string | undefined, fallback: unknown): boolean =>
  text === undefined ? fallback === true : text.trim().toLowerCase() === 'true';

/**
 * The title configurations as Classic reads them: Pro's store, named by `displayName`; a delete
 * takes the title's patch policies with it, as Pro's does.
 */
function titleStore(state: MockState): ClassicStore<JsonEntity> {
  const view = new JsonEntityView(patchTitleConfigurations(state), 'displayName', (row) => row);
  return {
    values: () => view.values(),
    get: (id) => view.get(id),
    isNameTaken: (name, exceptId) => view.isNameTaken(name, exceptId),
    create: (fields) => view.create(fields),
    update: (id, fields) => view.update(id, fields),
    delete: (id) => deletePatchTitle(state, String(id)),
  };
}

function detailOf(document: OpenApiDocument, row: Readonly<JsonEntity>, state: MockState) {
  const f = row.fields;
  const title = patchTitleById(f.softwareTitleId);
  const packages = listOf(f.packages);
  const category = state.categories.get(Number(proText(f.categoryId) || '-1'));
  return {
    id: row.id,
    name: row.name,
    name_id: title?.nameId ?? '',
    source_id: JAMF_PATCH_SOURCE_ID,
    notifications: {
      web_notification: f.uiNotifications === true,
      email_notification: f.emailNotifications === true,
    },
    category:
      category === undefined
        ? { id: -1, name: 'No category assigned' }
        : { id: category.id, name: category.name },
    site: siteOf(f.siteId, state),
    // Every version the title defines, with the package that installs it (or an empty element).
    versions: (title?.versions ?? []).map((known) => {
      const chosen = packages.find((entry) => entry.version === known.version);
      const packageId = proText(chosen?.packageId);
      const name = chosen === undefined ? undefined : packageNameOf(document, state, packageId);
      return {
        software_version: known.version,
        package: name === undefined ? NO_PACKAGE : { id: Number(packageId), name },
      };
    }),
  };
}

/** The Pro fields a Classic `<patch_software_title>` makes of `before`; a string is the 409 text. */
function fieldsOf(
  document: OpenApiDocument,
  value: Record<string, unknown>,
  before: JsonObject | undefined,
  state: MockState,
): JsonObject | string {
  const fields: JsonObject = { ...(before ?? {}) };
  const nameId = xmlText(value, 'name_id');
  const sourceText = xmlText(value, 'source_id');
  // A title's source and name_id are set when it is created and never change (ruby-jss,
  // `PatchTitle`): an update's are ignored.
  if (before === undefined) {
    if (nameId === undefined || sourceText === undefined)
      return 'Problem with name_id or source_id';
    const sourceId = Number(sourceText);
    if (!Number.isInteger(sourceId) || !isPatchSource(state, sourceId)) return 'Invalid source_id';
    const title = patchTitleByNameId(sourceId, nameId);
    if (title === undefined) return 'Invalid name_id';
    fields.softwareTitleId = title.id;
  }
  const notifications = xmlObject(value, 'notifications');
  fields.uiNotifications = isTrue(
    xmlText(notifications, 'web_notification'),
    before?.uiNotifications,
  );
  fields.emailNotifications = isTrue(
    xmlText(notifications, 'email_notification'),
    before?.emailNotifications,
  );
  if ('category' in value) {
    const category = xmlObject(value, 'category');
    const id = Number(xmlText(category, 'id') ?? '-1');
    const categoryId =
      id > 0
        ? state.categories.get(id) === undefined
          ? 'Problem with category'
          : id
        : categoryIdByName(state, xmlText(category, 'name') ?? '', -1);
    if (typeof categoryId === 'string') return categoryId;
    fields.categoryId = String(categoryId);
  }
  if ('site' in value) {
    const siteId = siteIdFromXml(xmlObject(value, 'site'), state);
    if (siteId === undefined) return 'Problem with site';
    fields.siteId = siteId;
  }
  if ('versions' in value) {
    const title = patchTitleById(fields.softwareTitleId);
    const packages: JsonObject[] = [];
    for (const entry of xmlList(value, 'versions', 'version')) {
      const version = xmlText(entry, 'software_version') ?? '';
      if (!title?.versions.some((known) => known.version === version))
        return `Invalid software_version: ${version}`;
      // The package by `<id>`, else by `<name>`; neither (or `None`) is no package.
      const element = xmlObject(entry, 'package');
      const id = Number(xmlText(element, 'id') ?? '-1');
      const name = xmlText(element, 'name')?.trim() ?? '';
      if (id > 0) {
        if (packageNameOf(document, state, String(id)) === undefined) return 'Problem with package';
        packages.push({ packageId: String(id), version });
      } else if (name !== '' && name.toLowerCase() !== 'none') {
        const named = packageIdNamed(document, state, name);
        if (named === undefined) return 'Problem with package';
        packages.push({ packageId: named, version });
      }
    }
    fields.packages = packages;
  }
  return {
    categoryId: '-1',
    siteId: '-1',
    extensionAttributes: [],
    packages: [],
    ...fields,
  };
}

/**
 * Classic `patchsoftwaretitles`, a view of the title configurations Pro
 * `/v2|v3/patch-software-title-configurations` serves: `name` is Pro's `displayName`;
 * `name_id` and `source_id` name the catalogue title (Pro's `softwareTitleId`; a create must name
 * both, a source that exists and a title it offers, else 409); `notifications`
 * `web_notification`/`email_notification` are `uiNotifications`/`emailNotifications`; `category`
 * and `site` are `categoryId`/`siteId`; `versions` lists every version the title defines with its
 * package (`id` -1 `None` when none), Pro's `packages`. Field names from the two schemas
 * (`patch_software_title`, `PatchSoftwareTitleConfiguration`); the pairing and the 409 texts are
 * the mock's (unverified).
 */
export function classicPatchSoftwareTitles(document: OpenApiDocument): ClassicResource<JsonEntity> {
  return {
    plural: 'patchsoftwaretitles',
    privilegeObjects: ['Patch Management Software Titles'],
    listRoot: 'patch_software_titles',
    root: 'patch_software_title',
    store: titleStore,
    summary: (row) => ({
      id: row.id,
      name: row.name,
      name_id: patchTitleById(row.fields.softwareTitleId)?.nameId ?? '',
      source_id: JAMF_PATCH_SOURCE_ID,
    }),
    detail: (row, state) => detailOf(document, row, state),
    lookups: {},
    fromXml(value, existing, state) {
      const fields = fieldsOf(document, value, existing?.fields, state);
      if (typeof fields === 'string') return fields;
      return { name: xmlText(value, 'name') ?? existing?.name ?? '', fields };
    },
    // Unverified: Pro does not keep display names unique, so neither does Classic here.
    isNameUnique: false,
    xmlShapes: {
      list: classicXmlShapes.patch_software_titles,
      object: classicXmlShapes.patch_software_title!,
    },
  };
}
