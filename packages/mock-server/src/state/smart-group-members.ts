import {
  type CriteriaTarget,
  displayFieldValues,
  type FieldReader,
  type SearchCriterion,
  searchResults,
  selectDevices,
} from './criteria-evaluator.js';
import { computerApplications } from './inventory/computer-applications.js';
import type { ComputerGroup } from './inventory/computer-groups.js';
import type { Computer } from './inventory/computers.js';
import type { MockState } from './mock-state.js';
import { patchReportingCriterion } from './patch-reporting.js';

/**
 * The computer criteria the mock evaluates, by Jamf's criterion names (names unverified except
 * `Last Check-in` and `Last Inventory Update`, which ruby-jss and jamf-pro-sdk-python's examples
 * use). Dates are moments, for the `x days ago` and `before`/`after` search types.
 */
const COMPUTER_FIELDS: Readonly<Record<string, FieldReader<Computer>>> = {
  'Computer Name': (c) => c.name,
  'Operating System': (c) => `${c.osName} ${c.osVersion}`,
  'Operating System Name': (c) => c.osName,
  'Operating System Version': (c) => c.osVersion,
  'Operating System Build': (c) => c.osBuild,
  'Serial Number': (c) => c.serialNumber,
  UDID: (c) => c.udid,
  Model: (c) => c.model,
  'Model Identifier': (c) => c.modelIdentifier,
  'Processor Type': (c) => c.processorType,
  'Architecture Type': (c) => c.processorArchitecture,
  'Total RAM MB': (c) => String(c.totalRamMegabytes),
  'MAC Address': (c) => c.macAddress,
  'IP Address': (c) => c.ipAddress,
  'Asset Tag': (c) => c.assetTag,
  Managed: (c) => (c.isManaged ? 'Managed' : 'Unmanaged'),
  Username: (c) => c.username,
  'Full Name': (c) => c.realName,
  'Email Address': (c) => c.email,
  Position: (c) => c.position,
  'Phone Number': (c) => c.phone,
  Room: (c) => c.room,
  Department: (c, s) => s.departments.get(c.departmentId)?.name ?? '',
  Building: (c, s) => s.buildings.get(c.buildingId)?.name ?? '',
  'Last Check-in': (c) => ({ time: c.lastContactTime }),
  'Last Inventory Update': (c) => ({ time: c.reportDate }),
  'Last Enrollment': (c) => ({ time: c.initialEntryDate }),
};

/**
 * How criteria read computers: fields, each installed application's title and version (from the
 * one source the Pro and Classic views read; `Application Title` followed by `Application
 * Version` is how admins test an app's version: grahampugh.github.io
 * `_drafts/new-smart-group-criteria.md`), `Computer Group` membership, computer extension
 * attributes, and `Patch Reporting: <title>` (see `patchReportingCriterion`).
 */
const COMPUTERS: CriteriaTarget<Computer> = {
  fields: COMPUTER_FIELDS,
  itemFields: {
    key: 'Application Title',
    qualified: ['Application Version'],
    items: (computer, state) =>
      computerApplications(computer, state.seed).map((app) => ({
        'Application Title': app.name,
        'Application Version': app.version,
      })),
  },
  groupCriterion: 'Computer Group',
  groupMemberIds(name, state, seen) {
    const wanted = name.trim().toLowerCase();
    const group = [...state.computerGroups.values()].find((g) => g.name.toLowerCase() === wanted);
    // A group naming itself, directly or through others, has no members by that path.
    if (group === undefined || seen.has(wanted)) return new Set();
    return new Set(membersOf(group, state, new Set([...seen, wanted])).map((c) => c.id));
  },
  extensionAttributeCollection: '/v1/computer-extension-attributes',
  extensionAttributeValues: (computer) => computer.extensionAttributeValues,
  namedCriterion: patchReportingCriterion,
};

function membersOf(
  group: Readonly<ComputerGroup>,
  state: MockState,
  seen: ReadonlySet<string>,
): Computer[] {
  if (!group.isSmart) {
    return group.computerIds
      .map((id) => state.computers.get(id))
      .filter((c): c is Computer => c !== undefined);
  }
  return selectDevices(group.criteria, state.computers.values(), COMPUTERS, state, seen).map(
    (computer) => ({ ...computer }),
  );
}

/**
 * The computers in a group: a static group's listed members that still exist, or the computers
 * a smart group's criteria select (see {@link selectDevices}).
 */
export function groupMembers(group: Readonly<ComputerGroup>, state: MockState): Computer[] {
  return membersOf(group, state, new Set([group.name.toLowerCase()]));
}

/**
 * An advanced computer search's results as Classic lists them: each computer `criteria` select
 * with its `id`, `name` and `udid` and the value of each display field.
 */
export function computerSearchResults(
  criteria: readonly SearchCriterion[],
  displayFields: readonly string[],
  state: MockState,
): Record<string, string | number>[] {
  return searchResults(criteria, displayFields, state.computers.values(), COMPUTERS, state);
}

/**
 * Reads a computer's values of `displayFields` (inventory display field names: `Asset Tag`,
 * `Model`, an extension attribute's name), keyed as an advanced search's results key them.
 */
export function computerDisplayFieldValues(
  displayFields: readonly string[],
  state: MockState,
): (computer: Readonly<Computer>) => Record<string, string> {
  return displayFieldValues(displayFields, COMPUTERS, state);
}
