import type { XmlShape } from '../../generated/classic-resources.js';
import { computerApplications } from '../../state/inventory/computer-applications.js';
import type { Computer } from '../../state/inventory/computers.js';
import type { MockState } from '../../state/mock-state.js';
import type { Route, RouteContext } from '../route.js';
import { classicComputers } from './classic-computers.js';
import { type ClassicDateRange, parseClassicDateRange } from './classic-date-range.js';
import { classicError } from './classic-error.js';
import { classicResponse } from './classic-format.js';
import { classicUtc } from './classic-record-dates.js';
import { classicNotFound, findClassicRow, guarded } from './classic-resource.js';
import { withBlanks } from './classic-shape.js';

type ObjectShape = { o: Record<string, XmlShape> };

/** The report kinds, by subset name (jps-api-wrapper's `get_computer_hardware_software_reports`). */
const SUBSETS: Readonly<Record<string, string>> = {
  hardware: 'hardware_report',
  software: 'software_report',
  fonts: 'font_report',
  plugins: 'plugin_report',
};

const DATE_TIME = { date_time: 's', date_time_epoch: 'n', date_time_utc: 's' } as const;
const FILE_ENTRY: ObjectShape = {
  o: { ...DATE_TIME, name: 's', path: 's', type: 's', version: 's' },
};

/**
 * The Classic schema `computer_hardware_software_reports` (`classic-schemas.json`, Jamf's Classic
 * resource documentation for 11.28.0): one element per kind of report, each entry with
 * `date_time`, `_epoch` (a number, as the mock's records write epochs) and `_utc`; a software,
 * font or plug-in entry with `name`, `path`, `type` (`Added`, `Deleted`) and `version`. The
 * schema shows one entry per kind; a range may hold several, so entries repeat in place in XML and
 * are arrays in JSON (unverified).
 */
const REPORT_SHAPE: ObjectShape = {
  o: {
    hardware_report: {
      r: {
        o: {
          ...DATE_TIME,
          make: 's',
          model_identifier: 's',
          operating_system: 's',
          serial_number: 's',
          processor_count: 'n',
          core_count: 'n',
          processor_speed_mhz: 'n',
          total_ram_mb: 'n',
          open_ram_slots: 'n',
          total_harddrive_size: 's',
          boot_partition_used_percent: 'n',
          optical_drive: 's',
          NIC_speed: 's',
          service_pack: 's',
        },
      },
    },
    software_report: { r: FILE_ENTRY },
    font_report: { r: FILE_ENTRY },
    plugin_report: { r: FILE_ENTRY },
  },
};

/** An entry's moment: `date_time` ISO with milliseconds, `_epoch` ms, `_utc` as records write. */
function dateTime(ms: number) {
  return {
    date_time: new Date(ms).toISOString(),
    date_time_epoch: ms,
    date_time_utc: classicUtc(ms),
  };
}

/** An entry of `kind` with every element of the schema's entry, blank where the mock has nothing. */
function entry(kind: string, value: Record<string, unknown>): Record<string, unknown> {
  const shape = REPORT_SHAPE.o[kind] as { r: XmlShape };
  return withBlanks(value, shape.r) as Record<string, unknown>;
}

const inRange = (range: ClassicDateRange, ms: number) =>
  ms >= range.firstDay && ms < range.lastDay + 86_400_000;

/**
 * A computer's reports within `range`, from what the mock keeps: the hardware as of its last
 * inventory (`report_date`) when that falls in the range, and its applications reported as
 * `Added` at its first inventory (`initial_entry_date`) when that does. The mock records no
 * inventory history, fonts or plug-ins: no other entries (unverified).
 */
function reportsOf(
  computer: Readonly<Computer>,
  state: MockState,
  range: ClassicDateRange,
): Record<string, Record<string, unknown>[]> {
  const hardware = inRange(range, computer.reportDate)
    ? [
        entry('hardware_report', {
          ...dateTime(computer.reportDate),
          make: 'Apple',
          model_identifier: computer.modelIdentifier,
          operating_system: `${computer.osName} ${computer.osVersion}`,
          serial_number: computer.serialNumber,
          total_ram_mb: computer.totalRamMegabytes,
        }),
      ]
    : [];
  const software = inRange(range, computer.initialEntryDate)
    ? computerApplications(computer, state.seed).map((app) =>
        entry('software_report', {
          ...dateTime(computer.initialEntryDate),
          name: app.name,
          path: app.path,
          type: 'Added',
          version: app.version,
        }),
      )
    : [];
  return {
    hardware_report: hardware,
    software_report: software,
    font_report: [],
    plugin_report: [],
  };
}

/** The kinds a `{subset}` segment asks for: `&`-separated names, any case; all without one. */
function kindsOf(subset: string | undefined): Set<string> {
  if (subset === undefined) return new Set(Object.values(SUBSETS));
  return new Set(
    subset
      .split('&')
      .map((name) => SUBSETS[name.trim().toLowerCase()])
      .filter((kind): kind is string => kind !== undefined),
  );
}

/**
 * Classic `computerhardwaresoftwarereports` (read only): `GET /{lookup}/{key}/{start}_{end}` by
 * `id`, `name`, `udid`, `serialnumber` and `macaddress` (the 11.30.1 Classic spec's paths), each
 * with `/subset/{subset}` (`Hardware`, `Software`, `Fonts`, `Plugins`, `&`-separated: the spec
 * declares subsets on `id` and says the other lookups take them too; jps-api-wrapper sends them
 * after any lookup). An unknown computer is the 404 page; a range that is not two real
 * `yyyy-mm-dd` dates joined by `_` is 400 (unverified). `Read Computers` (unverified).
 */
export function classicHardwareSoftwareReportRoutes(): Route[] {
  const answer = (by: string) => (ctx: RouteContext) => {
    const computer = findClassicRow(classicComputers, ctx, by);
    if (computer === undefined) return classicNotFound();
    const range = parseClassicDateRange(ctx.params.range ?? '');
    if (range === undefined) return classicError(400, 'Date range must be yyyy-mm-dd_yyyy-mm-dd');
    const wanted = kindsOf(ctx.params.subset);
    const reports = Object.fromEntries(
      Object.entries(reportsOf(computer, ctx.state, range)).filter(([kind]) => wanted.has(kind)),
    );
    return classicResponse(
      ctx.request,
      'computer_hardware_software_reports',
      reports,
      200,
      REPORT_SHAPE,
    );
  };
  const base = '/JSSResource/computerhardwaresoftwarereports';
  return ['id', ...Object.keys(classicComputers.lookups)].flatMap((by) =>
    [`${base}/${by}/{key}/{range}`, `${base}/${by}/{key}/{range}/subset/{subset}`].map(
      (path): Route => ({
        method: 'GET',
        path,
        handle: guarded(classicComputers, 'GET', answer(by)),
      }),
    ),
  );
}
