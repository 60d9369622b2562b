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
  /**
   * Where to keep the last filtered, sorted list, for items that are replaced (never changed in
   * place) when they change: the same items with the same `filter` and `sort` — each page of a
   * walk through the list — are then paged without filtering and sorting them again.
   */
  memo?: ListQueryMemo;
}

/**
 * The last filtered and sorted list of one {@link listQuery} caller. Sorting 1,000 computers for
 * every page was the largest cost of an inventory page after shaping it (bench P4's profile).
 */
export class ListQueryMemo {
  #items: readonly unknown[] = [];
  #key: string | undefined;
  #sorted: readonly unknown[] = [];

  /** The list remembered for exactly these items (same objects, same order) and `key`. */
  get<T>(items: readonly T[], key: string): readonly T[] | undefined {
    if (key !== this.#key || items.length !== this.#items.length) return undefined;
    for (let index = 0; index < items.length; index++) {
      if (items[index] !== this.#items[index]) return undefined;
    }
    return this.#sorted as readonly T[];
  }

  /** Remembers `sorted` as the answer for `items` and `key`. */
  set<T>(items: readonly T[], key: string, sorted: readonly T[]): void {
    this.#items = items;
    this.#key = key;
    this.#sorted = sorted;
  }
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
  const sortParams = url.searchParams.getAll('sort');
  const key = JSON.stringify([filter, sortParams]);
  let sorted = options.memo?.get(items, key);
  if (sorted === undefined) {
    const predicate = parseRsql(filter, options.filterFields);
    sorted = applySort(
      items.filter((item) => predicate(item)),
      sortParams.length > 0 ? sortParams : options.defaultSort,
      options.sortFields,
    );
    options.memo?.set(items, key, sorted);
  }
  const { page, pageSize } = pagingFrom(url);
  return { totalCount: sorted.length, results: pageOf(sorted, page, pageSize) };
}
