import { listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import type { JsonObject } from '../../state/json-collection.js';
import type { MockState } from '../../state/mock-state.js';
import { type PatchTitle, patchTitleById } from '../../state/patch-catalogue.js';
import {
  type PatchInstall,
  patchDashboard,
  patchInstalls,
  patchTitleConfigurations,
  patchVersionCounts,
} from '../../state/patch-management.js';
import { csvText } from '../responses/csv-text.js';
import type { Route, RouteContext } from '../route.js';
import { notFound, specShaped, withQuery } from './pro-answers.js';

/** Fields a patch report row may be sorted by; the spec documents `version` alone for `filter`. */
const REPORT_FIELDS = [
  'computerName',
  'deviceId',
  'username',
  'operatingSystemVersion',
  'buildingName',
  'departmentName',
  'siteName',
  'version',
];

/** The title configuration `{id}` names and its catalogue title, or the 404 to answer. */
function titleOf(
  ctx: RouteContext,
): { row: JsonObject; title: PatchTitle } | { missing: Response } {
  const row = patchTitleConfigurations(ctx.state).get(ctx.params.id ?? '');
  const title = row === undefined ? undefined : patchTitleById(row.softwareTitleId);
  return row === undefined || title === undefined
    ? { missing: notFound('Patch software title configuration', ctx.params.id) }
    : { row, title };
}

/**
 * One computer's row of a patch report: `lastCheckIn` in `/v3` (`PatchReportV3`), where a
 * missing building or department is `null`; `lastContactTime` in `/v2`, where it is `''`.
 */
function reportRow(install: PatchInstall, state: MockState, isV3: boolean): JsonObject {
  const { computer } = install;
  const none = isV3 ? null : '';
  const contact = new Date(computer.lastContactTime).toISOString();
  return {
    deviceId: String(computer.id),
    computerName: computer.name,
    username: computer.username,
    operatingSystemVersion: computer.osVersion,
    buildingName: state.buildings.get(computer.buildingId)?.name ?? none,
    departmentName: state.departments.get(computer.departmentId)?.name ?? none,
    // The mock's computers belong to no site.
    siteName: 'None',
    version: install.version,
    ...(isV3 ? { lastCheckIn: contact } : { lastContactTime: contact }),
  };
}

/** A title's patch report rows for the request's `filter`, `sort`, `page` and `page-size`. */
function reportPage(
  ctx: RouteContext,
  title: PatchTitle,
  isV3: boolean,
): { totalCount: number; results: JsonObject[] } {
  const rows = patchInstalls(ctx.state, title).map((install) =>
    reportRow(install, ctx.state, isV3),
  );
  return listQuery(rows, ctx.url, {
    filterFields: ['version'],
    sortFields: REPORT_FIELDS,
    defaultSort: ['computerName:asc'],
  });
}

/** How much a media range of an `Accept` header wants `type` (its `q`), or -1 when it does not name it. */
function acceptWeight(accept: string, type: string): number {
  let weight = -1;
  for (const range of accept.split(',')) {
    const [name = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    if (name !== type) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    weight = Math.max(weight, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return weight;
}

/**
 * The export's columns: those `columns-to-export` names (repeated, or comma-separated), in that
 * order, each headed by its field name; a name that is no column of the version's report is 400.
 */
function exportColumns(
  ctx: RouteContext,
  isV3: boolean,
): { field: string; label: string }[] | Response {
  const known = [...REPORT_FIELDS, isV3 ? 'lastCheckIn' : 'lastContactTime'];
  const names = ctx.url.searchParams
    .getAll('columns-to-export')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  const unknown = names.find((name) => !known.includes(name));
  if (unknown !== undefined)
    return jamfError(
      400,
      'INVALID_FIELD',
      `Cannot export column [${unknown}]: the columns are ${known.join(', ')}`,
      'columns-to-export',
    );
  return names.map((name) => ({ field: name, label: name }));
}

function routesOf(version: '/v2' | '/v3'): Route[] {
  const item = `${version}/patch-software-title-configurations/{id}`;
  const isV3 = version === '/v3';
  return [
    {
      method: 'GET',
      path: `${item}/patch-report`,
      handle: (ctx) => {
        const found = titleOf(ctx);
        if ('missing' in found) return found.missing;
        return withQuery(() => specShaped(ctx, reportPage(ctx, found.title, isV3)));
      },
    },
    {
      method: 'GET',
      path: `${item}/export-report`,
      handle: (ctx) => {
        const found = titleOf(ctx);
        if ('missing' in found) return found.missing;
        const columns = exportColumns(ctx, isV3);
        if (columns instanceof Response) return columns;
        const accept = ctx.headers.get('accept') ?? '';
        const isTab = acceptWeight(accept, 'text/tab') > acceptWeight(accept, 'text/csv');
        return withQuery(() => {
          const { results } = reportPage(ctx, found.title, isV3);
          return new Response(csvText(results, columns, isTab ? '\t' : ','), {
            headers: { 'content-type': `${isTab ? 'text/tab' : 'text/csv'};charset=UTF-8` },
          });
        });
      },
    },
    {
      method: 'GET',
      path: `${item}/patch-summary`,
      handle: (ctx) => {
        const found = titleOf(ctx);
        if ('missing' in found) return found.missing;
        const { row, title } = found;
        const latest = title.versions[0];
        const installs = patchInstalls(ctx.state, title);
        const upToDate = installs.filter((install) => install.version === latest?.version).length;
        return specShaped(ctx, {
          softwareTitleId: title.id,
          softwareTitleConfigurationId: String(row.id),
          title: String(row.displayName ?? ''),
          latestVersion: latest?.version ?? '',
          releaseDate: latest?.releaseDate ?? '',
          upToDate,
          outOfDate: installs.length - upToDate,
          onDashboard: patchDashboard(ctx.state).titles.includes(String(row.id)),
        });
      },
    },
    {
      method: 'GET',
      path: `${item}/patch-summary/versions`,
      handle: (ctx) => {
        const found = titleOf(ctx);
        if ('missing' in found) return found.missing;
        const counts = patchVersionCounts(found.title, patchInstalls(ctx.state, found.title));
        return specShaped(
          ctx,
          counts.map((entry, index) => ({
            absoluteOrderId: String(index),
            version: entry.version,
            onVersion: entry.installs.length,
          })),
        );
      },
    },
  ];
}

/**
 * Pro's patch reports of a title configuration, `/v2` and `/v3`, computed from the mock's
 * computers (their inventory's applications, see `patchInstalls`): `patch-report` lists each
 * computer with the app and its version (paged, sorted by computer name unless asked otherwise,
 * filtered by `version`); `patch-summary` counts those on the latest version (`upToDate`) and
 * the others (`outOfDate`); `patch-summary/versions` counts each version the title defines, then
 * `Unknown`; `export-report` writes the `patch-report` rows (same query) as `text/csv`, or
 * `text/tab` when `Accept` prefers it, in the `columns-to-export` columns (source: the 11.30.1
 * spec's operation; unverified: the heading line is the field names, a missing building is an
 * empty cell). Classic `patchreports` counts the same computers.
 */
export function patchReportRoutes(): Route[] {
  return [...routesOf('/v2'), ...routesOf('/v3')];
}
