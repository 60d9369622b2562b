import type { Entity } from './entity-store.js';

/** One criterion of a smart group, as Classic spells it. */
export interface GroupCriterion {
  name: string;
  priority: number;
  andOr: 'and' | 'or';
  searchType: string;
  value: string;
  /** The criterion opens a parenthesis (Classic `opening_paren`, Pro `openingParen`); absent is false. */
  openingParen?: boolean;
  /** The criterion closes a parenthesis (Classic `closing_paren`, Pro `closingParen`); absent is false. */
  closingParen?: boolean;
}

/** A computer group: static (explicit members) or smart (criteria). */
export interface ComputerGroup extends Entity {
  isSmart: boolean;
  criteria: GroupCriterion[];
  /** Members of a static group; ignored for smart groups. */
  computerIds: number[];
}

/** Generates `count` groups, alternating smart and static; static ones get a few computers. */
export function generateComputerGroups(
  count: number,
  computerCount: number,
): Omit<ComputerGroup, 'id'>[] {
  return Array.from({ length: count }, (_, i) => {
    const isSmart = i % 2 === 0;
    return {
      name: isSmart ? `Smart Group ${i + 1}` : `Static Group ${i + 1}`,
      isSmart,
      criteria: isSmart
        ? [
            {
              name: 'Operating System Version',
              priority: 0,
              andOr: 'and',
              searchType: 'like',
              value: i % 4 === 0 ? '15.' : '14.',
              openingParen: false,
              closingParen: false,
            },
          ]
        : [],
      computerIds: isSmart
        ? []
        : Array.from(
            { length: Math.min(3, computerCount) },
            (_, k) => ((i + k) % computerCount) + 1,
          ),
    };
  });
}
