import jsonMergePatch from 'json-merge-patch';
import { listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { JsonObject } from '../../state/json-collection.js';
import type { MockState } from '../../state/mock-state.js';
import { patchTitleById } from '../../state/patch-catalogue.js';
import {
  deletePatchTitle,
  patchDashboard,
  patchTitleConfigurations,
  patchTitleDependents,
  setOnDashboard,
} from '../../state/patch-management.js';
import { sitesOf } from '../../state/sites.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { genericCollectionRoutes, sharedCollectionStore } from './generic-collections.js';
import { notFound, specShaped, withQuery } from './pro-answers.js';

/** The two versions of the Pro API's title configurations: the same objects, the same routes. */
const VERSIONS = ['/v2', '/v3'] as const;

/** Fields a client may write (`PatchSoftwareTitleConfigurationPatch`); the rest are derived. */
const WRITABLE = [
  'displayName',
  'softwareTitleId',
  'categoryId',
  'siteId',
  'uiNotifications',
  'emailNotifications',
  'extensionAttributes',
  'packages',
] as const;

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const listOf = (value: unknown): JsonObject[] =>
  Array.isArray(value)
    ? value.filter(
        (entry): entry is JsonObject =>
          typeof entry === 'object' && entry !== null && !Array.isArray(entry),
      )
    : [];

/** The display name of package `id` in the Pro packages Classic also shows, if it exists. */
export function packageNameOf(
  document: OpenApiDocument,
  state: MockState,
  id: string,
): string | undefined {
  const row = sharedCollectionStore(document, '/v1/packages', state)?.store.get(id);
  return row === undefined ? undefined : text(row.packageName);
}

/** The id of the package named `name` (its Pro `packageName`, in any case), if one exists. */
export function packageIdNamed(
  document: OpenApiDocument,
  state: MockState,
  name: string,
): string | undefined {
  const wanted = name.trim().toLowerCase();
  const rows = sharedCollectionStore(document, '/v1/packages', state)?.store.list() ?? [];
  const row = rows.find((candidate) => text(candidate.packageName).toLowerCase() === wanted);
  return row === undefined ? undefined : text(row.id);
}

/** A stored title configuration as Pro's `PatchSoftwareTitleConfiguration` shows it. */
function proTitleOf(document: OpenApiDocument, state: MockState, row: JsonObject): JsonObject {
  const title = patchTitleById(row.softwareTitleId);
  return {
    id: text(row.id),
    displayName: text(row.displayName),
    categoryId: text(row.categoryId) || '-1',
    siteId: text(row.siteId) || '-1',
    uiNotifications: row.uiNotifications === true,
    emailNotifications: row.emailNotifications === true,
    softwareTitleId: text(row.softwareTitleId),
    extensionAttributes: listOf(row.extensionAttributes).map((ea) => ({
      accepted: ea.accepted === true,
      eaId: text(ea.eaId),
    })),
    // Jamf's own catalogue is the one source the mock's titles come from.
    jamfOfficial: true,
    patchSourceName: 'Jamf',
    patchSourceEnabled: true,
    softwareTitleName: title?.name ?? '',
    softwareTitleNameId: title?.nameId ?? '',
    softwareTitlePublisher: title?.publisher ?? '',
    packages: listOf(row.packages).map((entry) => ({
      packageId: text(entry.packageId),
      version: text(entry.version),
      displayName: packageNameOf(document, state, text(entry.packageId)) ?? '',
    })),
  };
}

/**
 * Why Pro refuses title configuration `row`, or undefined: a `softwareTitleId` the catalogue
 * has not, a category or site that does not exist, a package that does not exist or a package
 * version the title does not define, each 400 `INVALID_FIELD` naming the field (the codes and
 * wording are unverified; the spec declares 400 for a create and 400/422 for a change); an
 * extension attribute the title's definition does not bring, 400 too.
 */
function patchTitleProblem(
  document: OpenApiDocument,
  state: MockState,
  row: JsonObject,
): Response | undefined {
  const invalid = (field: string, message: string) =>
    jamfError(400, 'INVALID_FIELD', message, field);
  const title = patchTitleById(row.softwareTitleId);
  if (title === undefined)
    return invalid(
      'softwareTitleId',
      `Software title ${text(row.softwareTitleId)} is not offered by any patch source`,
    );
  const categoryId = text(row.categoryId) || '-1';
  if (categoryId !== '-1' && state.categories.get(Number(categoryId)) === undefined)
    return invalid('categoryId', `Category with id ${categoryId} not found`);
  const siteId = text(row.siteId) || '-1';
  if (siteId !== '-1' && sitesOf(state).get(siteId) === undefined)
    return invalid('siteId', `Site with id ${siteId} not found`);
  for (const ea of listOf(row.extensionAttributes)) {
    if (!title.extensionAttributes.some((known) => known.id === text(ea.eaId)))
      return invalid(
        'extensionAttributes.eaId',
        `${title.name} has no extension attribute ${text(ea.eaId)}`,
      );
  }
  for (const entry of listOf(row.packages)) {
    const packageId = text(entry.packageId);
    if (packageNameOf(document, state, packageId) === undefined)
      return invalid('packages.packageId', `Package with id ${packageId} not found`);
    if (!title.versions.some((known) => known.version === text(entry.version)))
      return invalid('packages.version', `${title.name} defines no version ${text(entry.version)}`);
  }
  return undefined;
}

/** The writable fields of `body` over `before`, as stored. */
function storedFields(before: JsonObject, body: JsonObject): JsonObject {
  const next: JsonObject = { ...before };
  for (const field of WRITABLE) if (body[field] !== undefined) next[field] = body[field];
  next.categoryId = text(next.categoryId) || '-1';
  next.siteId = text(next.siteId) || '-1';
  next.extensionAttributes = listOf(next.extensionAttributes).map((ea) => ({
    accepted: ea.accepted === true,
    eaId: text(ea.eaId),
  }));
  next.packages = listOf(next.packages).map((entry) => ({
    packageId: text(entry.packageId),
    version: text(entry.version),
  }));
  return next;
}

const NEW_TITLE: JsonObject = {
  categoryId: '-1',
  siteId: '-1',
  uiNotifications: false,
  emailNotifications: false,
  extensionAttributes: [],
  packages: [],
};

function routesOf(document: OpenApiDocument, version: string): Route[] {
  const base = `${version}/patch-software-title-configurations`;
  const item = `${base}/{id}`;
  const found = (ctx: RouteContext) => {
    const row = patchTitleConfigurations(ctx.state).get(ctx.params.id ?? '');
    return row === undefined
      ? { missing: notFound('Patch software title configuration', ctx.params.id) }
      : { row };
  };
  return [
    {
      method: 'GET',
      path: base,
      handle: (ctx) =>
        specShaped(
          ctx,
          patchTitleConfigurations(ctx.state)
            .list()
            .map((row) => proTitleOf(document, ctx.state, row)),
        ),
    },
    {
      method: 'POST',
      path: base,
      handle: async (ctx) => {
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const row = storedFields(NEW_TITLE, read.body);
        const problem = patchTitleProblem(document, ctx.state, row);
        if (problem) return problem;
        const created = patchTitleConfigurations(ctx.state).create(row);
        const href = `${ctx.url.origin}${ctx.url.pathname.replace(/\/$/, '')}/${text(created.id)}`;
        return specShaped(ctx, { id: text(created.id), href }, 201);
      },
    },
    {
      method: 'GET',
      path: item,
      handle: (ctx) => {
        const { row, missing } = found(ctx);
        return row === undefined ? missing : specShaped(ctx, proTitleOf(document, ctx.state, row));
      },
    },
    {
      method: 'PATCH',
      path: item,
      handle: async (ctx) => {
        const { row, missing } = found(ctx);
        if (row === undefined) return missing;
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const merged = jsonMergePatch.apply(structuredClone(row), read.body) as JsonObject;
        const next = storedFields(row, merged);
        const problem = patchTitleProblem(document, ctx.state, next);
        if (problem) return problem;
        const saved = patchTitleConfigurations(ctx.state).replace(text(row.id), next) ?? next;
        return specShaped(ctx, proTitleOf(document, ctx.state, saved));
      },
    },
    {
      method: 'DELETE',
      path: item,
      handle: (ctx) =>
        deletePatchTitle(ctx.state, ctx.params.id ?? '')
          ? new Response(null, { status: 204 })
          : notFound('Patch software title configuration', ctx.params.id),
    },
    {
      method: 'GET',
      path: `${item}/dashboard`,
      handle: (ctx) => {
        const { row, missing } = found(ctx);
        if (row === undefined) return missing;
        return specShaped(ctx, {
          onDashboard: patchDashboard(ctx.state).titles.includes(text(row.id)),
        });
      },
    },
    {
      method: 'POST',
      path: `${item}/dashboard`,
      handle: (ctx) => {
        const { row, missing } = found(ctx);
        if (row === undefined) return missing;
        setOnDashboard(ctx.state, 'titles', text(row.id), true);
        return new Response(null, { status: 204 });
      },
    },
    {
      // Taking off what is not there is done: 204 (the spec declares no other answer).
      method: 'DELETE',
      path: `${item}/dashboard`,
      handle: (ctx) => {
        setOnDashboard(ctx.state, 'titles', ctx.params.id ?? '', false);
        return new Response(null, { status: 204 });
      },
    },
    {
      method: 'GET',
      path: `${item}/dependencies`,
      handle: (ctx) => {
        const { row, missing } = found(ctx);
        if (row === undefined) return missing;
        const title = patchTitleById(row.softwareTitleId);
        const groups = title === undefined ? [] : patchTitleDependents(ctx.state, title);
        return specShaped(ctx, {
          totalCount: groups.length,
          results: groups.map((group) => ({
            smartGroupId: String(group.id),
            smartGroupName: group.name,
          })),
        });
      },
    },
    {
      method: 'GET',
      path: `${item}/extension-attributes`,
      handle: (ctx) => {
        const { row, missing } = found(ctx);
        if (row === undefined) return missing;
        const accepted = new Set(
          listOf(row.extensionAttributes)
            .filter((ea) => ea.accepted === true)
            .map((ea) => text(ea.eaId)),
        );
        const title = patchTitleById(row.softwareTitleId);
        return specShaped(
          ctx,
          (title?.extensionAttributes ?? []).map((ea) => ({
            eaId: ea.id,
            displayName: ea.displayName,
            accepted: accepted.has(ea.id),
            scriptContents: Buffer.from(ea.script, 'utf8').toString('base64'),
          })),
        );
      },
    },
    {
      method: 'GET',
      path: `${item}/definitions`,
      handle: (ctx) => {
        const { row, missing } = found(ctx);
        if (row === undefined) return missing;
        const title = patchTitleById(row.softwareTitleId);
        const definitions = (title?.versions ?? []).map((known, index) => ({
          // The order Jamf sorts definitions in: 0 is the newest (unverified).
          absoluteOrderId: String(index),
          version: known.version,
          minimumOperatingSystem: known.minimumOperatingSystem,
          releaseDate: known.releaseDate,
          rebootRequired: false,
          standalone: true,
          killApps: title === undefined ? [] : [{ appName: title.appName }],
        }));
        return withQuery(() =>
          specShaped(
            ctx,
            listQuery(definitions, ctx.url, {
              filterFields: ['version', 'minimumOperatingSystem', 'releaseDate', 'standalone'],
              sortFields: ['absoluteOrderId', 'version', 'minimumOperatingSystem', 'releaseDate'],
              defaultSort: ['absoluteOrderId:asc'],
            }),
          ),
        );
      },
    },
  ];
}

/**
 * Pro's software title configurations, `/v2` and `/v3` alike (the spec marks `/v2` deprecated;
 * both serve one store, the one Classic `patchsoftwaretitles` shows): list, create (a
 * `softwareTitleId` from the patch catalogue of Jamf's internal source),
 * read, merge-patch, delete (with its patch policies), the dashboard switch, the title's
 * definitions and its extension attributes (each `accepted` as the configuration says, the script
 * base64-encoded as the schema's `format` says), its dependencies (the smart computer groups
 * reporting on the title); `/v2`'s history notes are `/v3`'s. The export stays spec-generated.
 */
export function patchTitleConfigurationRoutes(document: OpenApiDocument): Route[] {
  return [
    ...VERSIONS.flatMap((version) => routesOf(document, version)),
    ...sharedHistoryRoutes(document),
  ];
}

/**
 * `/v2/…/{id}/history` served by the `/v3` history's routes, so a note added through either
 * version is listed by both, as the title it belongs to is one object.
 */
function sharedHistoryRoutes(document: OpenApiDocument): Route[] {
  const v3 = '/v3/patch-software-title-configurations/{id}/history';
  return genericCollectionRoutes(document)
    .filter((route) => route.path === v3)
    .map((route) => ({ ...route, path: route.path.replace(/^\/v3\//, '/v2/') }));
}
