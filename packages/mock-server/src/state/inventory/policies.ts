import type { Entity } from './entity-store.js';

/** A policy (Classic only: Jamf Pro's API has no policies endpoint). */
export interface Policy extends Entity {
  enabled: boolean;
  trigger: string;
  frequency: string;
  categoryId: number;
  /** Scoped computers by id; `allComputers` scopes every computer. */
  allComputers: boolean;
  computerIds: number[];
  computerGroupIds: number[];
  scriptIds: number[];
}

const TRIGGERS = ['CHECKIN', 'ENROLLMENT_COMPLETE', 'LOGIN', 'USER_INITIATED'];

/** Generates `count` policies; scripts and categories are picked from the given id ranges. */
export function generatePolicies(
  count: number,
  scriptCount: number,
  categoryCount: number,
): Omit<Policy, 'id'>[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Policy ${i + 1}`,
    enabled: i % 4 !== 3,
    trigger: TRIGGERS[i % TRIGGERS.length] as string,
    frequency: 'Once per computer',
    categoryId: categoryCount > 0 ? (i % categoryCount) + 1 : -1,
    allComputers: i % 3 === 0,
    computerIds: [],
    computerGroupIds: [],
    scriptIds: scriptCount > 0 ? [(i % scriptCount) + 1] : [],
  }));
}
