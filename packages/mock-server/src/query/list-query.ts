import { pageOf, pagingFrom } from './page.js';
import { parseRsql } from './rsql.js';
import { applySort } from './sort.js';

/** What a list endpoint allows in `filter` and `sort`. */
export interface ListQueryOptions {
  /** Fields `filter` may name; any field when omitted. */
  filterFields?: readonly string[];
  /** Fields `sort` may name; any field when omitted. */
  sortFields?: readonly string[];
  /** Sort applied when the request has none, e.g. `['id:asc']`. */
  defaultSort?: readonly string[];
}

/**
 * Applies a request's `filter`, `sort`, `page` and `page-size` to `items`, giving Jamf's
 * `{ totalCount, results }` (totalCount counts the filtered items before paging).
 * @throws QueryError for a bad parameter; the HTTP layer turns it into a Jamf-shaped 400.
 */
export function listQuery<T>(
  items: readonly T[],
  url: URL,
  options: ListQueryOptions = {},
): { totalCount: number; results: T[] } {
  const filter = url.searchParams.get('filter') ?? '';
  const predicate = parseRsql(filter, options.filterFields);
  const sortParams = url.searchParams.getAll('sort');
  const sorted = applySort(
    items.filter((item) => predicate(item)),
    sortParams.length > 0 ? sortParams : options.defaultSort,
    options.sortFields,
  );
  const { page, pageSize } = pagingFrom(url);
  return { totalCount: sorted.length, results: pageOf(sorted, page, pageSize) };
}
