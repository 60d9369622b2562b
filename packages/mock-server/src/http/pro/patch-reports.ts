import { listQuery } from '../../query/index.js';
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

function routesOf(version: '/v2' | '/v3'): Route[] {
  const item = `${version}/patch-software-title-configurations/{id}`;
  return [
    {
      method: 'GET',
      path: `${item}/patch-report`,
      handle: (ctx) => {
        const found = titleOf(ctx);
        if ('missing' in found) return found.missing;
        const rows = patchInstalls(ctx.state, found.title).map((install) =>
          reportRow(install, ctx.state, version === '/v3'),
        );
        return withQuery(() =>
          specShaped(
            ctx,
            listQuery(rows, ctx.url, {
              filterFields: ['version'],
              sortFields: REPORT_FIELDS,
              defaultSort: ['computerName:asc'],
            }),
          ),
        );
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
 * `Unknown`. Classic `patchreports` counts the same computers.
 */
export function patchReportRoutes(): Route[] {
  return [...routesOf('/v2'), ...routesOf('/v3')];
}
