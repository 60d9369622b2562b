import { compareText } from './compare-text.js';
import { fieldValue } from './field-value.js';
import { QueryError, unknownFieldError } from './query-error.js';

/**
 * Sorts a copy of `items` by Jamf's `sort` parameter (`field:asc`, `field:desc`, several as a
 * list or comma-separated, e.g. `['name:asc', 'id:desc']`). Numbers compare numerically, text
 * case-insensitively; missing values sort first. The sort is stable.
 * @throws QueryError `INVALID_SORT` for a bad direction, `INVALID_FIELD` for a field outside
 * `allowedFields` (when given).
 */
export function applySort<T>(
  items: readonly T[],
  sort: string | readonly string[] | undefined,
  allowedFields?: readonly string[],
): T[] {
  const keys = parseSort(sort, allowedFields);
  if (keys.length === 0) return [...items];
  // Each item's sort values are read once, not once per comparison: reading fields inside the
  // comparator (n log n lookups over 1,000 computers per page) was the inventory route's largest
  // cost in bench P4's profile.
  const decorated = items.map((item) => ({
    item,
    values: keys.map(({ field }) => sortValueOf(fieldValue(item, field))),
  }));
  decorated.sort((left, right) => {
    for (let index = 0; index < keys.length; index++) {
      const order = compareSortValues(left.values[index]!, right.values[index]!);
      if (order !== 0) return keys[index]!.direction === 'desc' ? -order : order;
    }
    return 0;
  });
  return decorated.map((entry) => entry.item);
}

/** A value as the comparison reads it: missing, its number (when numeric), its text. */
interface SortValue {
  readonly isMissing: boolean;
  /** The number, or NaN for booleans, blank text and anything not numeric. */
  readonly number: number;
  readonly text: string;
}

function sortValueOf(value: unknown): SortValue {
  if (value === undefined || value === null)
    return { isMissing: true, number: Number.NaN, text: '' };
  const text = String(value);
  const number = typeof value === 'boolean' || text.trim() === '' ? Number.NaN : Number(value);
  return { isMissing: false, number, text };
}

/** Missing values first; numbers numerically when both are numeric; text case-insensitively. */
function compareSortValues(left: SortValue, right: SortValue): number {
  if (left.isMissing || right.isMissing) return Number(!left.isMissing) - Number(!right.isMissing);
  if (Number.isFinite(left.number) && Number.isFinite(right.number)) {
    return Math.sign(left.number - right.number);
  }
  return compareText(left.text, right.text);
}

/** One parsed sort key. */
export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

/** Parses a `sort` parameter into keys; see `applySort`. */
export function parseSort(
  sort: string | readonly string[] | undefined,
  allowedFields?: readonly string[],
): SortKey[] {
  const entries = (typeof sort === 'string' ? [sort] : (sort ?? []))
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.map((entry) => {
    const [field = '', direction = 'asc', ...rest] = entry.split(':');
    const normalized = direction.toLowerCase();
    if (field === '' || rest.length > 0 || (normalized !== 'asc' && normalized !== 'desc')) {
      throw new QueryError('INVALID_SORT', 'sort', `Invalid sort: ${entry}`);
    }
    if (allowedFields && !allowedFields.includes(field)) {
      throw unknownFieldError('sort', field, allowedFields);
    }
    return { field, direction: normalized };
  });
}
