import { ListQueryMemo, listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import { listQueryFields } from '../../spec/resources.js';
import {
  type ComputerApplication,
  computerApplications,
} from '../../state/inventory/computer-applications.js';
import type { Computer } from '../../state/inventory/computers.js';
import type { EntityStore } from '../../state/inventory/entity-store.js';
import { withExtensionAttributeValues } from '../../state/inventory/extension-attribute-values.js';
import { managementIdOf } from '../../state/inventory/management-id.js';
import type { MockState } from '../../state/mock-state.js';
import {
  definitionsKey,
  type ExtensionAttributeDefinition,
  proExtensionAttributeDefinitions,
} from '../extension-attribute-definitions.js';
import { jsonTextResponse } from '../responses/json-response.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { attachmentsByComputer, computerAttachments } from './computer-attachments.js';
import {
  extensionAttributeSections,
  proValueUpdates,
  proValueWrites,
} from './device-extension-attributes.js';
import { onlySections, requestedSections } from './inventory-sections.js';
import { PageTextMemo } from './page-text-memo.js';
import {
  hrefResponse,
  idParam,
  notFound,
  specShaped,
  specShapedText,
  withQuery,
} from './pro-answers.js';

/** Jamf's `section` values and the property of ComputerInventory each one fills. */
const SECTIONS: Readonly<Record<string, string>> = {
  GENERAL: 'general',
  DISK_ENCRYPTION: 'diskEncryption',
  PURCHASING: 'purchasing',
  APPLICATIONS: 'applications',
  STORAGE: 'storage',
  USER_AND_LOCATION: 'userAndLocation',
  CONFIGURATION_PROFILES: 'configurationProfiles',
  PRINTERS: 'printers',
  SERVICES: 'services',
  HARDWARE: 'hardware',
  LOCAL_USER_ACCOUNTS: 'localUserAccounts',
  CERTIFICATES: 'certificates',
  ATTACHMENTS: 'attachments',
  PLUGINS: 'plugins',
  PACKAGE_RECEIPTS: 'packageReceipts',
  FONTS: 'fonts',
  SECURITY: 'security',
  OPERATING_SYSTEM: 'operatingSystem',
  LICENSED_SOFTWARE: 'licensedSoftware',
  IBEACONS: 'ibeacons',
  SOFTWARE_UPDATES: 'softwareUpdates',
  EXTENSION_ATTRIBUTES: 'extensionAttributes',
  CONTENT_CACHING: 'contentCaching',
  GROUP_MEMBERSHIPS: 'groupMemberships',
};

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The jamf binary version every computer's Pro view reports (`general.jamfBinaryVersion`): the
 * server's version and build, as a computer that checked in with it would have.
 */
export const JAMF_BINARY_VERSION = '11.30.1-t1700000000';

/** Jamf's device-side names of a definition's data and input types (`ComputerExtensionAttribute`'s enums). */
const DEVICE_DATA_TYPES: Readonly<Record<string, string>> = {
  STRING: 'STRING',
  INTEGER: 'INTEGER',
  DATE: 'DATE_TIME',
};
const DEVICE_INPUT_TYPES: Readonly<Record<string, string>> = {
  TEXT: 'TEXT',
  POPUP: 'POPUP',
  SCRIPT: 'SCRIPT',
  DIRECTORY_SERVICE_ATTRIBUTE_MAPPING: 'LDAP',
};

/**
 * One extension attribute on a computer (`ComputerExtensionAttribute`): the definition's name,
 * types and pop-up choices (`options`) beside the computer's `values`. The field set is what
 * go-api-sdk-jamfpro decodes (`ComputerInventorySubsetExtensionAttribute`); the pairing of the
 * definition's enums with the device's (`DATE` → `DATE_TIME`, directory mapping → `LDAP`) is by
 * name (unverified).
 */
function proComputerAttribute(
  definition: ExtensionAttributeDefinition,
  values: readonly string[],
): Record<string, unknown> {
  return {
    definitionId: definition.id,
    name: definition.name,
    description: definition.description,
    enabled: definition.enabled,
    multiValue: definition.isMultiValue,
    values: [...values],
    dataType: DEVICE_DATA_TYPES[definition.dataType] ?? 'STRING',
    options: [...definition.choices],
    inputType: DEVICE_INPUT_TYPES[definition.inputType] ?? 'TEXT',
  };
}

/**
 * One item of the `applications` section (`ComputerApplication`, the 11.30.1 spec). The mock
 * knows of no updates (`updateAvailable` false); `externalVersionId` is `0`, as live records
 * show it for apps outside the Mac App Store (elastic/integrations#11823, a Jamf Pro answer with
 * `"externalVersionId":"0"` on such apps; unverified for store apps).
 */
function proApplication(app: ComputerApplication): Record<string, unknown> {
  return {
    name: app.name,
    path: app.path,
    version: app.version,
    macAppStore: app.isMacAppStore,
    sizeMegabytes: app.sizeMegabytes,
    bundleId: app.bundleId,
    updateAvailable: false,
    externalVersionId: '0',
  };
}

/**
 * The Pro view of a computer with every section the mock keeps real data for (its applications
 * derived from the mock's `seed`, as every view derives them); sections it does not model
 * (fonts, …) are empty lists, and `specShaped` fills the rest. Each extension attribute of
 * `definitions` is in the section its definition displays in.
 */
export function proComputer(
  row: Readonly<Computer>,
  seed: number,
  definitions: readonly ExtensionAttributeDefinition[] = [],
): Record<string, unknown> {
  const attributes = extensionAttributeSections(
    definitions,
    row.extensionAttributeValues,
    proComputerAttribute,
  );
  return {
    id: String(row.id),
    udid: row.udid,
    general: {
      name: row.name,
      lastIpAddress: row.ipAddress,
      lastReportedIp: row.ipAddress,
      lastReportedIpV4: row.ipAddress,
      jamfBinaryVersion: JAMF_BINARY_VERSION,
      platform: 'Mac',
      assetTag: row.assetTag,
      managementId: managementIdOf('computer', row.id),
      remoteManagement: { managed: row.isManaged },
      mdmCapable: { capable: row.isManaged, capableUsers: [] },
      supervised: row.isManaged,
      reportDate: iso(row.reportDate),
      lastContactTime: iso(row.lastContactTime),
      lastEnrolledDate: iso(row.initialEntryDate),
      initialEntryDate: iso(row.initialEntryDate).slice(0, 10),
      site: { id: '-1', name: 'None' },
      extensionAttributes: attributes.general,
    },
    hardware: {
      make: 'Apple',
      model: row.model,
      modelIdentifier: row.modelIdentifier,
      serialNumber: row.serialNumber,
      processorType: row.processorType,
      processorArchitecture: row.processorArchitecture,
      appleSilicon: row.processorArchitecture === 'arm64',
      macAddress: row.macAddress,
      totalRamMegabytes: row.totalRamMegabytes,
      extensionAttributes: attributes.hardware,
    },
    operatingSystem: {
      name: row.osName,
      version: row.osVersion,
      build: row.osBuild,
      extensionAttributes: attributes.operatingSystem,
    },
    userAndLocation: {
      username: row.username,
      realname: row.realName,
      email: row.email,
      position: row.position,
      phone: row.phone,
      room: row.room,
      departmentId: String(row.departmentId),
      buildingId: String(row.buildingId),
      extensionAttributes: attributes.userAndLocation,
    },
    diskEncryption: {},
    purchasing: { extensionAttributes: attributes.purchasing },
    storage: {},
    security: {},
    contentCaching: {},
    packageReceipts: {},
    applications: computerApplications(row, seed).map(proApplication),
    attachments: [],
    certificates: [],
    configurationProfiles: [],
    extensionAttributes: attributes.extensionAttributes,
    fonts: [],
    groupMemberships: [],
    ibeacons: [],
    licensedSoftware: [],
    localUserAccounts: [],
    plugins: [],
    printers: [],
    services: [],
    softwareUpdates: [],
  };
}

/**
 * Views per stored row: a store replaces a row's object when it changes, so a view cached on
 * the object is never stale, and listing 10,000 computers does not rebuild 10,000 views.
 */
const viewCache = new WeakMap<object, { definitions: string; view: Record<string, unknown> }>();

/** The extension attribute definitions a list is rendered with, and their key (with the seed). */
interface RenderedDefinitions {
  list: readonly ExtensionAttributeDefinition[];
  key: string;
  seed: number;
}

function cachedView(row: Readonly<Computer>, definitions: RenderedDefinitions) {
  const kept = viewCache.get(row);
  if (kept !== undefined && kept.definitions === definitions.key) return kept.view;
  const view = proComputer(row, definitions.seed, definitions.list);
  viewCache.set(row, { definitions: definitions.key, view });
  return view;
}

type ComputerStore = EntityStore<Computer>;

/**
 * Every computer's view per store, with the store revision and the uploads revision they were
 * read at (a computer's attachments live in the uploads store, not on its row).
 */
const storeViews = new WeakMap<
  ComputerStore,
  { revision: number; uploads: number; definitions: string; views: readonly object[] }
>();

/**
 * The views of every computer, in store order: the same array while the store's revision, the
 * uploads' revision and the definitions are the same (listing 1,000 rows through the store's
 * iterator on every page cost more than the rest of a remembered page; bench P4's profile). A
 * computer with attachments gets a new view with them; the others keep their cached view.
 */
function viewsOf(
  state: MockState,
  definitions: RenderedDefinitions,
): readonly Record<string, unknown>[] {
  const store = state.computers;
  const kept = storeViews.get(store);
  if (
    kept !== undefined &&
    kept.revision === store.revision &&
    kept.uploads === state.fileUploads.revision &&
    kept.definitions === definitions.key
  )
    return kept.views as readonly Record<string, unknown>[];
  const attachments = attachmentsByComputer(state);
  const views = [...store.values()].map((row) => {
    const view = cachedView(row, definitions);
    const attached = attachments.get(row.id);
    return attached === undefined ? view : { ...view, attachments: attached };
  });
  storeViews.set(store, {
    revision: store.revision,
    uploads: state.fileUploads.revision,
    definitions: definitions.key,
    views,
  });
  return views;
}

function renderedDefinitions(ctx: RouteContext): RenderedDefinitions {
  const list = proExtensionAttributeDefinitions(ctx, 'computer');
  const seed = ctx.state.seed;
  return { list, key: `${seed}|${definitionsKey(list)}`, seed };
}

/**
 * The last filtered, sorted list per computer store and operation (each operation allows its own
 * fields): views are replaced, never changed, so the memo is never stale.
 */
const listMemos = new WeakMap<object, Map<string, ListQueryMemo>>();

function listMemoOf(store: object, operation: string): ListQueryMemo {
  let byOperation = listMemos.get(store);
  if (byOperation === undefined) {
    byOperation = new Map();
    listMemos.set(store, byOperation);
  }
  let memo = byOperation.get(operation);
  if (memo === undefined) {
    memo = new ListQueryMemo();
    byOperation.set(operation, memo);
  }
  return memo;
}

/** The last pages' JSON text per computer store and operation; see {@link PageTextMemo}. */
const pageMemos = new WeakMap<object, Map<string, PageTextMemo>>();

function pageMemoOf(store: object, operation: string): PageTextMemo {
  let byOperation = pageMemos.get(store);
  if (byOperation === undefined) {
    byOperation = new Map();
    pageMemos.set(store, byOperation);
  }
  let memo = byOperation.get(operation);
  if (memo === undefined) {
    memo = new PageTextMemo();
    byOperation.set(operation, memo);
  }
  return memo;
}

function list(ctx: RouteContext): Response {
  const sections = requestedSections(ctx.url, SECTIONS);
  if (sections instanceof Response) return sections;
  return withQuery(() => {
    const views = viewsOf(ctx.state, renderedDefinitions(ctx));
    const operationKey = `${ctx.operation?.method} ${ctx.operation?.path}`;
    const { totalCount, results } = listQuery(views, ctx.url, {
      defaultSort: ['general.name:asc'],
      filterFields: listQueryFields(ctx.operation),
      sortFields: listQueryFields(ctx.operation),
      memo: listMemoOf(ctx.state.computers, operationKey),
    });
    // The page's text depends on its views (replaced when their row changes), the total and
    // the sections; the query string picks the slot.
    const pages = pageMemoOf(ctx.state.computers, operationKey);
    const key = `${sections.join(',')}?${ctx.url.search}`;
    const body =
      pages.get(key, results, totalCount) ??
      pages.set(
        key,
        results,
        totalCount,
        specShapedText(
          ctx,
          {
            totalCount,
            results: results.map((view) => onlySections(view, ['id', 'udid'], sections)),
          },
          200,
          true,
        ),
      );
    return jsonTextResponse(body, 200);
  });
}

function one(ctx: RouteContext, allSections: boolean): Response {
  const id = idParam(ctx);
  const row = id === undefined ? undefined : ctx.state.computers.get(id);
  if (row === undefined) return notFound('Computer', ctx.params.id);
  const view = {
    ...proComputer(row, ctx.state.seed, proExtensionAttributeDefinitions(ctx, 'computer')),
    attachments: computerAttachments(ctx.state, row.id),
  };
  if (allSections) return specShaped(ctx, view, 200, true);
  const sections = requestedSections(ctx.url, SECTIONS);
  if (sections instanceof Response) return sections;
  return specShaped(ctx, onlySections(view, ['id', 'udid'], sections), 200, true);
}

function remove(ctx: RouteContext): Response {
  const id = idParam(ctx);
  if (id === undefined || !ctx.state.computers.delete(id))
    return notFound('Computer', ctx.params.id);
  return new Response(null, { status: 204 });
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
const object = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** The sections of a computer update that carry their own extension attribute values. */
const ATTRIBUTE_SECTIONS = [
  'general',
  'hardware',
  'operatingSystem',
  'userAndLocation',
  'purchasing',
] as const;

/**
 * PATCH of `computers-inventory-detail`: the general and user-and-location fields the mock keeps
 * and extension attribute values.
 */
async function update(ctx: RouteContext): Promise<Response> {
  const id = idParam(ctx);
  const row = id === undefined ? undefined : ctx.state.computers.get(id);
  if (row === undefined) return notFound('Computer', ctx.params.id);
  const read = await readJsonObject(ctx.request);
  if ('error' in read) return read.error;
  const general = object(read.body.general);
  const user = object(read.body.userAndLocation);
  const name = text(general.name);
  if (name !== undefined && name.trim() === '')
    return jamfError(400, 'INVALID_FIELD', 'general.name must not be empty', 'general.name');
  const fields: Partial<Computer> = {};
  if (name !== undefined) fields.name = name;
  if (text(general.assetTag) !== undefined) fields.assetTag = text(general.assetTag) as string;
  const userFields = {
    username: 'username',
    realname: 'realName',
    email: 'email',
    position: 'position',
    phone: 'phone',
    room: 'room',
  } as const;
  for (const [wire, field] of Object.entries(userFields)) {
    const value = text(user[wire]);
    if (value !== undefined) fields[field] = value;
  }
  for (const key of ['departmentId', 'buildingId'] as const) {
    const value = text(user[key]);
    if (value !== undefined) {
      const store = key === 'departmentId' ? ctx.state.departments : ctx.state.buildings;
      const ref = Number(value);
      if (value !== '-1' && (!Number.isInteger(ref) || store.get(ref) === undefined)) {
        return jamfError(
          400,
          'INVALID_FIELD',
          `userAndLocation.${key} ${value} does not exist`,
          `userAndLocation.${key}`,
        );
      }
      fields[key] = ref;
    }
  }
  // Extension attribute values, at the top level or in a section (each section of
  // ComputerInventoryUpdateRequest has its own `extensionAttributes`), by `definitionId`.
  const writes = [
    ...proValueWrites(read.body, 'extensionAttributes', 'definitionId', 'values'),
    ...ATTRIBUTE_SECTIONS.flatMap((section) =>
      proValueWrites(
        read.body[section],
        'extensionAttributes',
        'definitionId',
        'values',
        `${section}.`,
      ),
    ),
  ];
  if (writes.length > 0) {
    const updates = proValueUpdates(proExtensionAttributeDefinitions(ctx, 'computer'), writes);
    if (updates instanceof Response) return updates;
    fields.extensionAttributeValues = withExtensionAttributeValues(
      row.extensionAttributeValues,
      updates,
    );
  }
  const updated = ctx.state.computers.update(row.id, fields);
  if (updated === undefined) return notFound('Computer', ctx.params.id);
  const status =
    ctx.operation?.object.responses && '204' in (ctx.operation.object.responses as object)
      ? 204
      : 200;
  return status === 204
    ? new Response(null, { status })
    : specShaped(ctx, proComputer(updated, ctx.state.seed), 200, true);
}

/** POST of `computers-inventory`: a new computer from the general, hardware, OS and user sections. */
async function create(ctx: RouteContext): Promise<Response> {
  const read = await readJsonObject(ctx.request);
  if ('error' in read) return read.error;
  const general = object(read.body.general);
  const hardware = object(read.body.hardware);
  const os = object(read.body.operatingSystem);
  const user = object(read.body.userAndLocation);
  const name = text(general.name) ?? '';
  if (name.trim() === '')
    return jamfError(400, 'INVALID_FIELD', 'general.name is required', 'general.name');
  const serialNumber = text(hardware.serialNumber) ?? '';
  if (
    serialNumber !== '' &&
    ctx.state.computers.findBy('serialNumber', serialNumber) !== undefined
  ) {
    return jamfError(
      400,
      'DUPLICATE_FIELD',
      `A computer with serial number ${serialNumber} already exists`,
      'hardware.serialNumber',
    );
  }
  const refs: Record<'departmentId' | 'buildingId', number> = { departmentId: -1, buildingId: -1 };
  for (const key of ['departmentId', 'buildingId'] as const) {
    const value = text(user[key]);
    if (value === undefined || value === '-1') continue;
    const ref = Number(value);
    const store = key === 'departmentId' ? ctx.state.departments : ctx.state.buildings;
    if (!Number.isInteger(ref) || store.get(ref) === undefined) {
      return jamfError(
        400,
        'INVALID_FIELD',
        `userAndLocation.${key} ${value} does not exist`,
        `userAndLocation.${key}`,
      );
    }
    refs[key] = ref;
  }
  const now = ctx.clock.now();
  const architecture = text(hardware.processorArchitecture);
  const created = ctx.state.computers.create({
    name,
    udid: text(read.body.udid) ?? '',
    serialNumber,
    assetTag: text(general.assetTag) ?? '',
    isManaged: false,
    managementUsername: '',
    model: text(hardware.model) ?? '',
    modelIdentifier: text(hardware.modelIdentifier) ?? '',
    processorType: text(hardware.processorType) ?? '',
    processorArchitecture: architecture === 'x86_64' ? 'x86_64' : 'arm64',
    totalRamMegabytes:
      typeof hardware.totalRamMegabytes === 'number' ? hardware.totalRamMegabytes : 0,
    macAddress: text(hardware.macAddress) ?? '',
    ipAddress: text(general.lastIpAddress) ?? '',
    osName: text(os.name) ?? 'macOS',
    osVersion: text(os.version) ?? '',
    osBuild: text(os.build) ?? '',
    username: text(user.username) ?? '',
    realName: text(user.realname) ?? '',
    email: text(user.email) ?? '',
    position: text(user.position) ?? '',
    phone: text(user.phone) ?? '',
    room: text(user.room) ?? '',
    ...refs,
    lastContactTime: now,
    reportDate: now,
    initialEntryDate: now,
    extensionAttributeValues: {},
  });
  if (created.udid === '') {
    // Deterministic, unique and UUID-shaped: derived from the new id.
    const udid = `00000000-0000-4000-8000-${created.id.toString(16).toUpperCase().padStart(12, '0')}`;
    ctx.state.computers.update(created.id, { udid });
  }
  return hrefResponse(ctx, created.id);
}

/** Pro computer inventory routes, for every version (`/v1` to `/v4`) the spec has. */
export function computerInventoryRoutes(): Route[] {
  return ['v1', 'v2', 'v3', 'v4'].flatMap((v) => [
    { method: 'GET', path: `/${v}/computers-inventory`, handle: list },
    { method: 'POST', path: `/${v}/computers-inventory`, handle: create },
    {
      method: 'GET',
      path: `/${v}/computers-inventory/{id}`,
      handle: (ctx: RouteContext) => one(ctx, false),
    },
    { method: 'DELETE', path: `/${v}/computers-inventory/{id}`, handle: remove },
    {
      method: 'GET',
      path: `/${v}/computers-inventory-detail/{id}`,
      handle: (ctx: RouteContext) => one(ctx, true),
    },
    { method: 'PATCH', path: `/${v}/computers-inventory-detail/{id}`, handle: update },
  ]);
}
