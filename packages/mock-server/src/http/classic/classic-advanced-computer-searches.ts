import { classicResourceFacts } from '../../generated/classic-resources.js';
import type { ClassicObject } from '../../state/classic-objects.js';
import type { SearchCriterion } from '../../state/criteria-evaluator.js';
import type { MockState } from '../../state/mock-state.js';
import { computerSearchResults } from '../../state/smart-group-members.js';
import { genericClassicResource } from './classic-generic-resource.js';
import type { ClassicResource } from './classic-resource.js';

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const elementsOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter(
        (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
      )
    : [];

/** A saved search's criteria as the evaluator reads them (from its Classic elements). */
function searchCriteria(fields: Readonly<Record<string, unknown>>): SearchCriterion[] {
  return elementsOf(fields.criteria).map((criterion, index) => ({
    name: textOf(criterion.name),
    priority: typeof criterion.priority === 'number' ? criterion.priority : index,
    andOr: textOf(criterion.and_or) || 'and',
    searchType: textOf(criterion.search_type) || 'is',
    value: textOf(criterion.value),
    openingParen: criterion.opening_paren === true,
    closingParen: criterion.closing_paren === true,
  }));
}

/** A saved search's display field names (from its `display_fields`). */
function searchDisplayFields(fields: Readonly<Record<string, unknown>>): string[] {
  return elementsOf(fields.display_fields)
    .map((field) => textOf(field.name))
    .filter((name) => name !== '');
}

/** The computers a saved advanced computer search selects, with its display fields' values. */
export function advancedComputerSearchResults(
  row: Readonly<ClassicObject>,
  state: MockState,
): Record<string, string | number>[] {
  return computerSearchResults(searchCriteria(row.fields), searchDisplayFields(row.fields), state);
}

/**
 * Classic `advancedcomputersearches`: the spec-derived resource (stored as written, every
 * element of the schema answered), whose `computers` are the search run on every read: each
 * computer its criteria select, with `id`, `name`, `udid` and one element per display field
 * (jamf-pro-sdk-python's `ClassicAdvancedComputerSearchResult`: "any defined display fields will
 * also appear with their values"). `computers` written by a client are not kept; `sort_1`…`sort_3`
 * are kept but the results stay in id order (unverified: how Jamf sorts them).
 */
export function classicAdvancedComputerSearches(): ClassicResource<ClassicObject> {
  const facts = classicResourceFacts.advancedcomputersearches;
  const base = facts === undefined ? undefined : genericClassicResource(facts);
  if (base === undefined) throw new Error('The Classic spec has no advancedcomputersearches');
  return {
    ...base,
    detail: (row, state) => ({
      ...base.detail(row, state),
      computers: advancedComputerSearchResults(row, state),
    }),
    fromXml(value, existing, state) {
      const fields = base.fromXml(value, existing, state);
      if (typeof fields === 'string') return fields;
      const { computers: _written, ...kept } = fields.fields;
      return { ...fields, fields: kept };
    },
  };
}
