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
  return [...items].sort((left, right) => {
    for (const { field, direction } of keys) {
      const order = compareValues(fieldValue(left, field), fieldValue(right, field));
      if (order !== 0) return direction === 'desc' ? -order : order;
    }
    return 0;
  });
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

function compareValues(left: unknown, right: unknown): number {
  const isMissing = (value: unknown) => value === undefined || value === null;
  if (isMissing(left) || isMissing(right))
    return Number(!isMissing(left)) - Number(!isMissing(right));
  const a = Number(left);
  const b = Number(right);
  if (
    typeof left !== 'boolean' &&
    String(left).trim() !== '' &&
    String(right).trim() !== '' &&
    Number.isFinite(a) &&
    Number.isFinite(b)
  ) {
    return Math.sign(a - b);
  }
  return compareText(String(left), String(right));
}
