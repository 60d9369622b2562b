import type { ComputerGroup, GroupCriterion } from './inventory/computer-groups.js';
import type { Computer } from './inventory/computers.js';
import type { MockState } from './mock-state.js';

type FieldReader = (computer: Readonly<Computer>, state: MockState) => string;

/** The criteria names the mock evaluates; others match nothing. */
const FIELDS: Readonly<Record<string, FieldReader>> = {
  'Computer Name': (c) => c.name,
  'Operating System Version': (c) => c.osVersion,
  'Operating System Build': (c) => c.osBuild,
  'Serial Number': (c) => c.serialNumber,
  Model: (c) => c.model,
  'Model Identifier': (c) => c.modelIdentifier,
  Username: (c) => c.username,
  'Asset Tag': (c) => c.assetTag,
  'IP Address': (c) => c.ipAddress,
  Department: (c, s) => s.departments.get(c.departmentId)?.name ?? '',
  Building: (c, s) => s.buildings.get(c.buildingId)?.name ?? '',
};

function matches(
  criterion: GroupCriterion,
  computer: Readonly<Computer>,
  state: MockState,
): boolean {
  const read = FIELDS[criterion.name];
  return read !== undefined && criterionHolds(criterion, read(computer, state));
}

/** Whether `actual` (a device's value of the criterion's field) satisfies `criterion`. */
export function criterionHolds(criterion: GroupCriterion, actualText: string): boolean {
  const actual = actualText.toLowerCase();
  const wanted = criterion.value.toLowerCase();
  switch (criterion.searchType.toLowerCase()) {
    case 'is':
      return actual === wanted;
    case 'is not':
      return actual !== wanted;
    case 'like':
    case 'has':
      return actual.includes(wanted);
    case 'not like':
    case 'does not have':
      return !actual.includes(wanted);
    case 'greater than':
      return actual.localeCompare(wanted, undefined, { numeric: true }) > 0;
    case 'less than':
      return actual.localeCompare(wanted, undefined, { numeric: true }) < 0;
    default:
      return false;
  }
}

/**
 * Whether a device is selected by `criteria`, evaluated in priority order, left to right with
 * each criterion's and/or; `hit` tells whether one criterion holds. No criteria select nothing.
 */
export function criteriaSelect(
  criteria: readonly GroupCriterion[],
  hit: (criterion: GroupCriterion) => boolean,
): boolean {
  const ordered = [...criteria].sort((a, b) => a.priority - b.priority);
  let result = ordered.length > 0;
  ordered.forEach((criterion, index) => {
    const holds = hit(criterion);
    result = index === 0 ? holds : criterion.andOr === 'or' ? result || holds : result && holds;
  });
  return result;
}

/**
 * The computers in a group: a static group's listed members that still exist, or the computers
 * a smart group's criteria select (evaluated left to right with each criterion's and/or).
 */
export function groupMembers(group: Readonly<ComputerGroup>, state: MockState): Computer[] {
  if (!group.isSmart) {
    return group.computerIds
      .map((id) => state.computers.get(id))
      .filter((c): c is Computer => c !== undefined);
  }
  const members: Computer[] = [];
  for (const computer of state.computers.values()) {
    if (criteriaSelect(group.criteria, (criterion) => matches(criterion, computer, state)))
      members.push({ ...computer });
  }
  return members;
}
