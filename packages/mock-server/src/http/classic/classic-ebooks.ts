import { classicXmlShapes } from '../../generated/classic-resources.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import { storedObject } from '../../spec/resource-objects.js';
import type { Entity, EntityStore } from '../../state/inventory/entity-store.js';
import type { JsonObject } from '../../state/json-collection.js';
import type { MockState } from '../../state/mock-state.js';
import {
  type EBOOK_SCOPE_ALL,
  type EBOOK_SCOPE_IDS,
  EBOOK_SCOPE_KEY,
  EBOOKS_TEMPLATE,
  ebookScopeOf,
} from '../pro/ebook-scope.js';
import { sharedCollectionStore } from '../pro/generic-collections.js';
import type { Route } from '../route.js';
import { type JsonEntity, JsonEntityView } from './classic-json-view.js';
import { type ProToClassic, proText, proValueOf } from './classic-pro-values.js';
import {
  type ClassicResource,
  classicResourceRoutes,
  xmlObject,
  xmlText,
} from './classic-resource.js';
import { entryIds } from './classic-scope.js';
import { categoryIdByName } from './classic-simple-resources.js';
import { siteIdFromXml, siteOf } from './classic-site-reference.js';
import { classicSubsetRoutes } from './classic-subset-match.js';

/** Pro `kind` → Classic `file_type` (Pro's `UNKNOWN` has no Classic value and shows blank). */
const KINDS: ProToClassic = { PDF: 'PDF', EPUB: 'EPUB', IBOOKS: 'IBOOK' };

/** Classic `deployment_type` for Pro's `installAutomatically` true and false. */
const INSTALL_AUTOMATICALLY = 'Install Automatically/Prompt Users to Install';
const SELF_SERVICE = 'Make Available in Self Service';

/**
 * The scope lists both APIs have: Classic list and item element, the Pro id list, and the store
 * whose objects they name. Classic `classes`, `jss_users`, `jss_user_groups`, `limitations` and the
 * user parts of `exclusions` have no store in the mock: they are shown empty and not kept.
 */
interface ScopeList {
  list: string;
  item: string;
  pro: (typeof EBOOK_SCOPE_IDS)[number];
  store: (state: MockState) => Pick<EntityStore<Entity>, 'get' | 'findBy'>;
  /** Fields of a Classic entry besides `id` and `name` (a computer's `udid`, …). */
  extra?: (row: Record<string, unknown>) => Record<string, unknown>;
}

const SCOPE_LISTS: readonly ScopeList[] = [
  {
    list: 'computers',
    item: 'computer',
    pro: 'computerIds',
    store: (state) => state.computers,
    extra: (row) => ({ udid: proText(row.udid) }),
  },
  {
    list: 'computer_groups',
    item: 'computer_group',
    pro: 'computerGroupIds',
    store: (state) => state.computerGroups,
  },
  {
    list: 'mobile_devices',
    item: 'mobile_device',
    pro: 'mobileDeviceIds',
    store: (state) => state.mobileDevices,
    extra: (row) => ({ udid: proText(row.udid), wifi_mac_address: proText(row.wifiMacAddress) }),
  },
  {
    list: 'mobile_device_groups',
    item: 'mobile_device_group',
    pro: 'mobileDeviceGroupIds',
    store: (state) => state.mobileDeviceGroups,
  },
  { list: 'buildings', item: 'building', pro: 'buildingIds', store: (state) => state.buildings },
  {
    list: 'departments',
    item: 'department',
    pro: 'departmentIds',
    store: (state) => state.departments,
  },
];

/** Classic scope booleans and the Pro field each one is. */
const SCOPE_ALL: Readonly<Record<string, (typeof EBOOK_SCOPE_ALL)[number]>> = {
  all_computers: 'allComputers',
  all_mobile_devices: 'allMobileDevices',
  all_jss_users: 'allUsers',
};

/** The `self_service` section, blank: the mock keeps no Self Service settings for eBooks. */
const BLANK_SELF_SERVICE = {
  feature_on_main_page: false,
  force_users_to_view_description: false,
  install_button_text: '',
  notification: false,
  notification_message: '',
  notification_subject: '',
  self_service_categories: [],
  self_service_description: '',
  self_service_display_name: '',
  self_service_icon: { id: 0, data: '', uri: '' },
};

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const idsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

/** The Classic entries (`{id, name, …}`) of one scope list, from Pro ids. */
function entriesOf(kind: ScopeList, ids: string[], state: MockState) {
  return ids.map((id) => {
    const row = kind.store(state).get(Number(id)) as Record<string, unknown> | undefined;
    return { id: Number(id), name: proText(row?.name), ...(kind.extra?.(row ?? {}) ?? {}) };
  });
}

function classicScopeOf(scope: JsonObject, state: MockState): Record<string, unknown> {
  const exclusions = scope.exclusions as JsonObject;
  const lists = (source: JsonObject) =>
    Object.fromEntries(
      SCOPE_LISTS.map((kind) => [kind.list, entriesOf(kind, idsOf(source[kind.pro]), state)]),
    );
  return {
    ...Object.fromEntries(Object.entries(SCOPE_ALL).map(([c, p]) => [c, scope[p] === true])),
    ...lists(scope),
    classes: [],
    jss_users: [],
    jss_user_groups: [],
    limitations: { network_segments: [], users: [], user_groups: [] },
    exclusions: {
      ...lists(exclusions),
      network_segments: [],
      users: [],
      user_groups: [],
      jss_users: [],
      jss_user_groups: [],
    },
  };
}

/** The Pro id lists a Classic `scope` (or `exclusions`) element names; a string is the 409 text. */
function scopeListsFromXml(
  element: Record<string, unknown>,
  before: JsonObject,
  state: MockState,
): JsonObject | string {
  const next: JsonObject = { ...before };
  for (const kind of SCOPE_LISTS) {
    if (!(kind.list in element)) continue;
    const list = xmlObject(element, kind.list)[kind.item];
    const entries = (Array.isArray(list) ? list : list === undefined ? [] : [list]).filter(
      isObject,
    );
    const ids = entryIds(kind.store(state), entries, `Problem with ${kind.item} in scope`);
    if (typeof ids === 'string') return ids;
    next[kind.pro] = ids.map(String);
  }
  return next;
}

/** The Pro scope a Classic `<scope>` makes of the stored one; what it leaves out is kept. */
function scopeFromXml(
  value: Record<string, unknown>,
  before: JsonObject,
  state: MockState,
): JsonObject | string {
  if (!('scope' in value)) return before;
  const element = xmlObject(value, 'scope');
  const scope = scopeListsFromXml(element, before, state);
  if (typeof scope === 'string') return scope;
  for (const [classic, pro] of Object.entries(SCOPE_ALL)) {
    const text = xmlText(element, classic);
    if (text !== undefined) scope[pro] = text.trim().toLowerCase() === 'true';
  }
  if ('exclusions' in element) {
    const exclusions = scopeListsFromXml(
      xmlObject(element, 'exclusions'),
      before.exclusions as JsonObject,
      state,
    );
    if (typeof exclusions === 'string') return exclusions;
    scope.exclusions = exclusions;
  }
  return scope;
}

function detailOf(row: Readonly<JsonEntity>, state: MockState): Record<string, unknown> {
  const f = row.fields;
  const categoryId = Number(proText(f.categoryId));
  const category = Number.isInteger(categoryId) ? state.categories.get(categoryId) : undefined;
  return {
    general: {
      id: row.id,
      name: row.name,
      author: proText(f.author),
      version: proText(f.version),
      free: f.free === true,
      url: proText(f.url),
      self_service_icon: { id: 0, data: '', uri: '' },
      deploy_as_managed: f.deployAsManaged === true,
      deployment_type: f.installAutomatically === true ? INSTALL_AUTOMATICALLY : SELF_SERVICE,
      file_type: KINDS[proText(f.kind)] ?? '',
      site: siteOf(f.siteId, state),
      category:
        category === undefined
          ? { id: -1, name: 'No category assigned' }
          : { id: category.id, name: category.name },
    },
    scope: classicScopeOf(ebookScopeOf(f), state),
    self_service: BLANK_SELF_SERVICE,
  };
}

/** The Pro fields a Classic `<ebook>` makes of `before`; a string is the 409 message. */
function fieldsOf(
  value: Record<string, unknown>,
  before: JsonObject,
  state: MockState,
): JsonObject | string {
  const general = xmlObject(value, 'general');
  const fields: JsonObject = { ...before };
  for (const name of ['author', 'version', 'url'] as const) {
    const text = xmlText(general, name);
    if (text !== undefined) fields[name] = text;
  }
  for (const [classic, pro] of [
    ['free', 'free'],
    ['deploy_as_managed', 'deployAsManaged'],
  ] as const) {
    const text = xmlText(general, classic);
    if (text !== undefined) fields[pro] = text.trim().toLowerCase() === 'true';
  }
  const fileType = xmlText(general, 'file_type');
  if (fileType !== undefined) {
    const kind = proValueOf(KINDS, fileType);
    if (kind === undefined) return `Invalid file type: ${fileType}`;
    fields.kind = kind;
  }
  const deployment = xmlText(general, 'deployment_type');
  if (deployment !== undefined) {
    const wanted = deployment.trim().toLowerCase();
    if (wanted === INSTALL_AUTOMATICALLY.toLowerCase()) fields.installAutomatically = true;
    else if (wanted === SELF_SERVICE.toLowerCase()) fields.installAutomatically = false;
    else return `Invalid deployment type: ${deployment}`;
  }
  if ('category' in general) {
    const category = xmlObject(general, 'category');
    const id = xmlText(category, 'id');
    const categoryId =
      id !== undefined && Number(id) > 0
        ? state.categories.get(Number(id)) === undefined
          ? 'Problem with category'
          : Number(id)
        : categoryIdByName(state, xmlText(category, 'name') ?? '', -1);
    if (typeof categoryId === 'string') return categoryId;
    fields.categoryId = String(categoryId);
  }
  if ('site' in general) {
    const siteId = siteIdFromXml(xmlObject(general, 'site'), state);
    if (siteId === undefined) return 'Problem with site';
    fields.siteId = siteId;
  }
  const scope = scopeFromXml(value, ebookScopeOf(before), state);
  if (typeof scope === 'string') return scope;
  fields[EBOOK_SCOPE_KEY] = scope;
  return fields;
}

/** What an eBook created through Classic starts with (unverified: Jamf's defaults). */
const NEW_EBOOK: JsonObject = {
  author: '',
  version: '',
  url: '',
  free: true,
  deployAsManaged: false,
  installAutomatically: false,
  kind: 'PDF',
  categoryId: '-1',
  siteId: '-1',
};

/**
 * Classic `ebooks`, a view of Pro `/v1/ebooks` (which only reads): one set of eBooks, two shapes.
 * Classic `general` carries Pro's `name`, `author`, `version`, `free`, `url` and
 * `deploy_as_managed`; `file_type` `PDF`/`EPUB`/`IBOOK` is Pro's `kind` `PDF`/`EPUB`/`IBOOKS`;
 * `deployment_type` is Pro's `installAutomatically`; `category` and `site` are Pro's `categoryId`
 * and `siteId`. The Classic `scope` is what Pro's `/v1/ebooks/{id}/scope` answers (all computers,
 * mobile devices and users; computers, computer groups, mobile devices, mobile device groups,
 * buildings and departments, and their exclusions). Field names from the two schemas (`ebook`,
 * `Ebook`, `EbookScope`); the pairing of the values is the mock's reading of them.
 */
export function classicEbooks(document: OpenApiDocument): ClassicResource<JsonEntity> {
  const store = (state: MockState) => {
    const shared = sharedCollectionStore(document, EBOOKS_TEMPLATE, state);
    if (shared === undefined)
      throw new Error(`The spec derives no collection at ${EBOOKS_TEMPLATE}`);
    // The scope is kept beside the fields Pro's schema has, so it survives the normalising.
    return new JsonEntityView(shared.store, 'name', (row) => ({
      ...storedObject(shared.resource.objectSchema, row, document),
      ...(isObject(row[EBOOK_SCOPE_KEY]) ? { [EBOOK_SCOPE_KEY]: row[EBOOK_SCOPE_KEY] } : {}),
    }));
  };
  return {
    plural: 'ebooks',
    privilegeObjects: ['eBooks'],
    listRoot: 'ebooks',
    root: 'ebook',
    store,
    summary: (row) => ({ id: row.id, name: row.name }),
    detail: detailOf,
    lookups: { name: (row) => row.name },
    fromXml(value, existing, state) {
      const fields = fieldsOf(value, existing?.fields ?? NEW_EBOOK, state);
      if (typeof fields === 'string') return fields;
      const name = xmlText(xmlObject(value, 'general'), 'name') ?? existing?.name ?? '';
      return { name, fields };
    },
    // As the spec-derived Classic resources: a name in use is refused (unverified for eBooks).
    isNameUnique: true,
    xmlShapes: { list: classicXmlShapes.ebooks, object: classicXmlShapes.ebook! },
  };
}

/**
 * Every Classic eBook route: CRUD by id, read by name, and `/ebooks/id/{id}/subset/{subset}`
 * (`General`, `Scope`, `SelfService`, `&`-separated), the subset path the spec declares.
 */
export function classicEbookRoutes(document: OpenApiDocument): Route[] {
  const resource = classicEbooks(document);
  return [
    ...classicResourceRoutes(resource),
    ...classicSubsetRoutes(resource).filter((route) => route.path.includes('/ebooks/id/')),
  ];
}
