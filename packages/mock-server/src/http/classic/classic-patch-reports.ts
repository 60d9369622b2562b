import type { XmlShape } from '../../generated/classic-resources.js';
import { patchTitleById } from '../../state/patch-catalogue.js';
import {
  patchInstalls,
  patchTitleConfigurations,
  patchVersionCounts,
} from '../../state/patch-management.js';
import type { Route, RouteHandler } from '../route.js';
import { classicResponse } from './classic-format.js';
import { classicNotFound, guarded } from './classic-resource.js';

/** Classic's `patch_report` element, as the Classic schema types it. */
const PATCH_REPORT_SHAPE: XmlShape = {
  o: {
    name: 's',
    patch_software_title_id: 's',
    total_computers: 'n',
    total_versions: 'n',
    versions: {
      a: 'version',
      i: {
        o: {
          software_version: 's',
          computers: { a: 'computer', s: true, i: { o: { id: 'n', name: 's' } } },
        },
      },
    },
  },
};

/**
 * Answers the patch report of the title configuration `{id}`: each version the title defines
 * (then `Unknown`) with the computers on it, or only version `{version}` when the path names one;
 * 404 for a title, or a version, that is not there.
 */
const report: RouteHandler = (ctx) => {
  const raw = ctx.params.id ?? '';
  const row = /^\d{1,9}$/.test(raw)
    ? patchTitleConfigurations(ctx.state).get(String(Number(raw)))
    : undefined;
  const title = row === undefined ? undefined : patchTitleById(row.softwareTitleId);
  if (row === undefined || title === undefined) return classicNotFound();
  const wanted = ctx.params.version;
  const counts = patchVersionCounts(title, patchInstalls(ctx.state, title)).filter(
    (entry) => wanted === undefined || entry.version === wanted,
  );
  if (counts.length === 0) return classicNotFound();
  return classicResponse(
    ctx.request,
    'patch_report',
    {
      name: String(row.displayName ?? ''),
      patch_software_title_id: String(row.id),
      total_computers: counts.reduce((sum, entry) => sum + entry.installs.length, 0),
      total_versions: counts.length,
      versions: counts.map((entry) => ({
        software_version: entry.version,
        computers: entry.installs.map(({ computer }) => ({ id: computer.id, name: computer.name })),
      })),
    },
    200,
    PATCH_REPORT_SHAPE,
  );
};

/**
 * Classic `patchreports/patchsoftwaretitleid/{id}` and `…/version/{version}`: the report of a
 * title configuration from the mock's computers, counting the computers Pro's patch report and
 * summaries count. Reading it takes `Read Patch Management Software Titles` (unverified: Jamf
 * names no privilege of its own for patch reports).
 */
export function classicPatchReportRoutes(): Route[] {
  const handle = guarded({ privilegeObjects: ['Patch Management Software Titles'] }, 'GET', report);
  const base = '/JSSResource/patchreports/patchsoftwaretitleid/{id}';
  return [
    { method: 'GET', path: base, handle },
    { method: 'GET', path: `${base}/version/{version}`, handle },
  ];
}
