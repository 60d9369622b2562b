import type { XmlShape } from '../../generated/classic-resources.js';
import { patchTitleById } from '../../state/patch-catalogue.js';
import {
  patchInstalls,
  patchTitleConfigurations,
  patchVersionCounts,
} from '../../state/patch-management.js';
import { UNKNOWN_PATCH_VERSION } from '../../state/patch-reporting.js';
import type { Route, RouteHandler } from '../route.js';
import { classicResponse } from './classic-format.js';
import { classicNotFound, guarded } from './classic-resource.js';

/**
 * Classic's `patch_report` element: the Classic schema's, each computer also with the
 * identifiers ruby-jss reads (`PatchTitle::PATCH_REPORT_DATA_MAP`: `mac_address`,
 * `alt_mac_address`, `serial_number`).
 */
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
          computers: {
            a: 'computer',
            s: true,
            i: {
              o: {
                id: 'n',
                name: 's',
                mac_address: 's',
                alt_mac_address: 's',
                serial_number: 's',
              },
            },
          },
        },
      },
    },
  },
};

/** What ruby-jss asks for as the newest version the title defines (`PatchTitle::LATEST_VERSION_ID`). */
const LATEST = 'Latest';

/**
 * Answers the patch report of the title configuration `{id}`: each version the title defines
 * (then `Unknown` when a computer has another) with the computers on it; with `{version}`, only
 * that version, `Latest` or `Unknown` (ruby-jss's words for them), possibly with no computers;
 * 404 for a title, or a version, that is not there (unverified).
 */
const report: RouteHandler = (ctx) => {
  const raw = ctx.params.id ?? '';
  const row = /^\d{1,9}$/.test(raw)
    ? patchTitleConfigurations(ctx.state).get(String(Number(raw)))
    : undefined;
  const title = row === undefined ? undefined : patchTitleById(row.softwareTitleId);
  if (row === undefined || title === undefined) return classicNotFound();
  const installs = patchInstalls(ctx.state, title);
  const asked = ctx.params.version === LATEST ? title.versions[0]?.version : ctx.params.version;
  const counts =
    asked === undefined
      ? patchVersionCounts(title, installs)
      : asked === UNKNOWN_PATCH_VERSION || title.versions.some((known) => known.version === asked)
        ? [{ version: asked, installs: installs.filter((install) => install.version === asked) }]
        : [];
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
        computers: entry.installs.map(({ computer }) => ({
          id: computer.id,
          name: computer.name,
          mac_address: computer.macAddress,
          alt_mac_address: '',
          serial_number: computer.serialNumber,
        })),
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
