import type { XmlShape } from '../../generated/classic-resources.js';
import { computerApplications } from '../../state/inventory/computer-applications.js';
import type { Computer } from '../../state/inventory/computers.js';
import type { MockState } from '../../state/mock-state.js';
import { computerDisplayFieldValues } from '../../state/smart-group-members.js';
import type { Route, RouteContext } from '../route.js';
import { classicComputers } from './classic-computers.js';
import { classicResponse } from './classic-format.js';
import { guarded } from './classic-resource.js';
import { wildcardPattern } from './classic-wildcard.js';

const COMPUTER: XmlShape = {
  o: { id: 'n', name: 's', udid: 's', serial_number: 's', mac_address: 's' },
};

/**
 * The Classic schema `computer_applications`: `unique_computers` (one `computer` per computer with
 * the app, any version) and `versions` (one `version` per version found, its `number` and its
 * `computers`). No `<size>` (the schema has none). ruby-jss reads the JSON form as arrays:
 * `unique_computers[].id`, `versions[].number`, `versions[].computers` (`application_installs`
 * in `lib/jamf/api/classic/api_objects/computer.rb`).
 */
const COMPUTER_APPLICATIONS_SHAPE: XmlShape = {
  o: {
    unique_computers: { a: 'computer', i: COMPUTER },
    versions: {
      a: 'version',
      i: { o: { number: 's', computers: { a: 'computer', i: COMPUTER } } },
    },
  },
};

/** One computer as the report lists it: its identifiers, then the inventory fields asked for. */
function computerEntry(
  computer: Readonly<Computer>,
  inventory: (computer: Readonly<Computer>) => Record<string, string>,
): Record<string, unknown> {
  return {
    id: computer.id,
    name: computer.name,
    udid: computer.udid,
    serial_number: computer.serialNumber,
    mac_address: computer.macAddress,
    ...inventory(computer),
  };
}

/**
 * Inventory display field names from the `{inventory}` segment: comma-separated, `%20` already
 * decoded to spaces by the router. `Default` asks for the account's Inventory Display fields; the
 * mock keeps no such preference, so it adds none (unverified).
 */
function inventoryFields(segment: string | undefined): string[] {
  if (segment === undefined || segment.trim().toLowerCase() === 'default') return [];
  return segment
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * The report for an application name and, optionally, a version: each pattern with Jamf's `*`
 * wildcard, matched against the whole name (or version) without case. Versions in the order
 * first met going through the computers by id; computers by id.
 */
function computerApplicationsReport(
  state: MockState,
  application: string,
  version: string | undefined,
  fields: readonly string[],
): Record<string, unknown> {
  const namePattern = wildcardPattern(application);
  const versionPattern = version === undefined ? undefined : wildcardPattern(version);
  const inventory = computerDisplayFieldValues(fields, state);
  const unique: Record<string, unknown>[] = [];
  const byVersion = new Map<string, Record<string, unknown>[]>();
  for (const computer of state.computers.values()) {
    const versions = computerApplications(computer, state.seed)
      .filter((app) => namePattern.test(app.name))
      .map((app) => app.version)
      .filter((number) => versionPattern === undefined || versionPattern.test(number));
    if (versions.length === 0) continue;
    const entry = computerEntry(computer, inventory);
    unique.push(entry);
    for (const number of new Set(versions)) {
      const computers = byVersion.get(number) ?? [];
      computers.push(entry);
      byVersion.set(number, computers);
    }
  }
  return {
    unique_computers: unique,
    versions: [...byVersion].map(([number, computers]) => ({ number, computers })),
  };
}

/**
 * Classic `computerapplications` (read only, the 11.30.1 Classic spec's four paths):
 * `/application/{application}`, `…/inventory/{inventory}`, `…/version/{version}` and
 * `…/version/{version}/inventory/{inventory}`: which computers have an application, from the
 * applications the mock derives for each computer from its seed
 * (`state/inventory/computer-applications.ts`). `Read Computers` (unverified: Jamf lists no
 * privilege of its own for the report). No computer with the application is an empty report
 * (unverified).
 */
export function classicComputerApplicationRoutes(): Route[] {
  const base = '/JSSResource/computerapplications/application/{application}';
  const answer = (ctx: RouteContext) =>
    classicResponse(
      ctx.request,
      'computer_applications',
      computerApplicationsReport(
        ctx.state,
        ctx.params.application ?? '',
        ctx.params.version,
        inventoryFields(ctx.params.inventory),
      ),
      200,
      COMPUTER_APPLICATIONS_SHAPE,
    );
  return [
    base,
    `${base}/inventory/{inventory}`,
    `${base}/version/{version}`,
    `${base}/version/{version}/inventory/{inventory}`,
  ].map((path) => ({ method: 'GET', path, handle: guarded(classicComputers, 'GET', answer) }));
}
