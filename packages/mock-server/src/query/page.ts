import { QueryError } from './query-error.js';

/** Jamf's default `page-size`. */
export const DEFAULT_PAGE_SIZE = 100;

/** Zero-based page `page` of `pageSize` items (Jamf's `page` and `page-size`). */
export function pageOf<T>(items: readonly T[], page = 0, pageSize = DEFAULT_PAGE_SIZE): T[] {
  if (!Number.isInteger(page) || page < 0)
    throw new QueryError('INVALID_PAGE', 'page', `Invalid page: ${page}`);
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new QueryError('INVALID_PAGE', 'page-size', `Invalid page-size: ${pageSize}`);
  }
  return items.slice(page * pageSize, page * pageSize + pageSize);
}

/** Reads `page` and `page-size` from a URL; absent ones take Jamf's defaults (0 and 100). */
export function pagingFrom(url: URL): { page: number; pageSize: number } {
  return {
    page: integerParam(url, 'page', 0),
    pageSize: integerParam(url, 'page-size', DEFAULT_PAGE_SIZE),
  };
}

function integerParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new QueryError('INVALID_PAGE', name, `Invalid ${name}: ${raw}`);
  }
  return value;
}
