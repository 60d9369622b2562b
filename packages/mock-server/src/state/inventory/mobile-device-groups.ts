import type { GroupCriterion } from './computer-groups.js';
import type { Entity } from './entity-store.js';

/** A mobile device group: static (explicit members) or smart (criteria), as computer groups are. */
export interface MobileDeviceGroup extends Entity {
  /** Pro's `groupDescription` (Classic shows none). */
  description: string;
  isSmart: boolean;
  criteria: GroupCriterion[];
  /** Members of a static group; ignored for smart groups. */
  mobileDeviceIds: number[];
}

/** Generates `count` groups, alternating smart (by OS version) and static (a few devices). */
export function generateMobileDeviceGroups(
  count: number,
  deviceCount: number,
): Omit<MobileDeviceGroup, 'id'>[] {
  return Array.from({ length: count }, (_, i) => {
    const isSmart = i % 2 === 0;
    return {
      name: isSmart ? `Smart Mobile Group ${i + 1}` : `Static Mobile Group ${i + 1}`,
      description: '',
      isSmart,
      criteria: isSmart
        ? [
            {
              name: 'OS Version',
              priority: 0,
              andOr: 'and',
              searchType: 'like',
              value: i % 4 === 0 ? '18.' : '17.',
              openingParen: false,
              closingParen: false,
            },
          ]
        : [],
      mobileDeviceIds: isSmart
        ? []
        : Array.from({ length: Math.min(3, deviceCount) }, (_, k) => ((i + k) % deviceCount) + 1),
    };
  });
}
