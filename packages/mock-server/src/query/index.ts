export { fieldValue } from './field-value.js';
export { ListQueryMemo, type ListQueryOptions, listQuery } from './list-query.js';
export { DEFAULT_PAGE_SIZE, pageOf, pagingFrom } from './page.js';
export { QueryError, type QueryErrorCode } from './query-error.js';
export { parseRsql, type RsqlPredicate } from './rsql.js';
export { applySort, parseSort, type SortKey } from './sort.js';
