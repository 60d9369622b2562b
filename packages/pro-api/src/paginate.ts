import { JamfApiError } from './jamf-api-error.js';
import { PaginateOptionError, type PaginateOptionErrorCode } from './paginate-option-error.js';
import type { TypedOver } from './pro-client-for.js';

type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } }
  ? Body
  : never;
type GetOperation<PathItem> = PathItem extends { get: infer Operation } ? Operation : never;
type OkBody<Operation> = Operation extends { responses: { 200: infer Ok } } ? JsonBody<Ok> : never;
type ResultsItem<Body> = Body extends { results?: readonly (infer Item)[] } ? Item : never;
type QueryOf<Operation> = Operation extends { parameters: { query?: infer Query } }
  ? NonNullable<Query>
  : never;
type PathParamsOf<Operation> = Operation extends { parameters: { path?: infer Path } }
  ? NonNullable<Path>
  : never;

/** The paths whose GET takes `page`/`page-size` and answers `{ totalCount, results }`. */
export type PaginatedPath<Paths> = {
  [P in keyof Paths]: [ResultsItem<OkBody<GetOperation<Paths[P]>>>] extends [never]
    ? never
    : 'page' extends keyof QueryOf<GetOperation<Paths[P]>>
      ? P
      : never;
}[keyof Paths];

/** The type of one item `paginate` yields for a path: an element of its `results`. */
export type PageItem<Paths, Path extends keyof Paths> = ResultsItem<
  OkBody<GetOperation<Paths[Path]>>
>;

/** Options of {@link paginate}. */
export interface PaginateOptions<Paths, Path extends keyof Paths> {
  /** The request's parameters, without `page` and `page-size` (paginate sets those). */
  params?: {
    query?: Omit<QueryOf<GetOperation<Paths[Path]>>, 'page' | 'page-size'>;
    path?: PathParamsOf<GetOperation<Paths[Path]>>;
  };
  /**
   * Items per request (Jamf's `page-size`); default 100. If the server answers page 0 with fewer
   * items than asked while reporting more in `totalCount`, its smaller size is used from then on.
   */
  pageSize?: number;
  /** Most requests in flight at once, including pages fetched ahead; default 4. */
  concurrency?: number;
  /** Cancels the iteration and every request in flight. */
  signal?: AbortSignal;
}

/**
 * What {@link paginate} needs of a client: its `GET` and the paths it is typed over. Every client
 * of this package (`createProClient` of `@jamf/pro-api` or of an area, `createClientFor`) is one.
 */
export interface PaginatingClient<Paths> extends TypedOver<Paths> {
  /** The client's GET, called once per page. */
  readonly GET: unknown;
}

type PageOutcome =
  | { ok: true; results: readonly unknown[]; totalCount: number | undefined }
  | { ok: false; error: unknown };

const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_CONCURRENCY = 4;

/**
 * Iterates over every item of a paged Jamf Pro list (`page`/`page-size` → `{ totalCount, results }`),
 * fetching up to `concurrency` pages at once and yielding items in order.
 *
 * It reads page 0 first to learn `totalCount`, then fetches the following pages ahead of the
 * consumer. It stops at the smallest `totalCount` any page reported (items added meanwhile are
 * not chased; items removed never make it yield past the end), at a short page, or at the first
 * failure: an unsuccessful response throws {@link JamfApiError} (a network failure or an abort
 * throws fetch's error or the abort reason) once the items before it are yielded, and every
 * request still in flight is aborted. Breaking out of the loop aborts them too. A `pageSize` or
 * `concurrency` that is not a positive whole number throws {@link PaginateOptionError} before any
 * request.
 *
 * @example
 * for await (const computer of paginate(jamf, '/v1/computers-inventory', {
 *   params: { query: { section: ['GENERAL'] } },
 * })) {
 *   console.log(computer.general?.name);
 * }
 */
export async function* paginate<Paths extends {}, Path extends PaginatedPath<Paths>>(
  client: PaginatingClient<Paths>,
  path: Path,
  given: PaginateOptions<Paths, Path> = {},
): AsyncGenerator<PageItem<Paths, Path>, void, undefined> {
  const options: PaginateOptions<Paths, Path> = given ?? {};
  if (typeof (client as { GET?: unknown } | null)?.GET !== 'function') {
    throw new PaginateOptionError(
      'INVALID_CLIENT',
      'paginate needs a client with GET (createProClient)',
    );
  }
  const signal = options.signal as Partial<AbortSignal> | undefined;
  if (
    signal !== undefined &&
    (typeof signal?.throwIfAborted !== 'function' || typeof signal.addEventListener !== 'function')
  ) {
    throw new PaginateOptionError('INVALID_SIGNAL', 'signal must be an AbortSignal');
  }
  let pageSize = positiveInteger(
    'pageSize',
    options.pageSize ?? DEFAULT_PAGE_SIZE,
    'INVALID_PAGE_SIZE',
  );
  const concurrency = positiveInteger(
    'concurrency',
    options.concurrency ?? DEFAULT_CONCURRENCY,
    'INVALID_CONCURRENCY',
  );
  // One controller per page, not one for the walk: a signal shared by every page would be
  // listened to by each page's call, and Node warns past 10 listeners on one signal.
  const live = new Set<AbortController>();
  const external = options.signal;
  const abortLive = (reason?: unknown) => {
    for (const pageController of live) pageController.abort(reason);
  };
  const forwardAbort = () => abortLive(external?.reason);
  external?.throwIfAborted();
  external?.addEventListener('abort', forwardAbort, { once: true });

  // Loose view of the client: the generic path and params are checked at the call site.
  const get = client.GET as unknown as (
    url: string,
    init: { params: unknown; signal: AbortSignal },
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

  const fetchPage = (page: number): Promise<PageOutcome> => {
    const pageController = new AbortController();
    live.add(pageController);
    return get(String(path), {
      params: {
        ...options.params,
        query: { ...options.params?.query, page, 'page-size': pageSize },
      },
      signal: pageController.signal,
    })
      .then(
        ({ data, error, response }) => readPage(data, error, response),
        // Settle instead of rejecting: a page nobody awaits yet must not become an unhandled rejection.
        (cause: unknown): PageOutcome => ({ ok: false, error: cause }),
      )
      .finally(() => live.delete(pageController));
  };

  const inFlight = new Map<number, Promise<PageOutcome>>();
  let limit = Number.POSITIVE_INFINITY;
  let lastPage = Number.POSITIVE_INFINITY;
  let nextToStart = 1;
  const fetchAhead = () => {
    while (nextToStart <= lastPage && inFlight.size < concurrency) {
      inFlight.set(nextToStart, fetchPage(nextToStart));
      nextToStart += 1;
    }
  };

  try {
    let yielded = 0;
    for (let page = 0; page <= lastPage && yielded < limit; page += 1) {
      external?.throwIfAborted();
      const pending = page === 0 ? fetchPage(0) : inFlight.get(page);
      inFlight.delete(page);
      const outcome = await (pending ?? fetchPage(page));
      if (!outcome.ok) throw outcome.error;
      const count = outcome.results.length;
      if (page === 0 && count > 0 && count < pageSize && (outcome.totalCount ?? 0) > count) {
        // One response holding fewer items than asked while counting more: the server caps the
        // page size. Page numbers count in its size, so continue with that.
        pageSize = count;
      }
      if (outcome.totalCount !== undefined && outcome.totalCount < limit) {
        limit = outcome.totalCount;
        lastPage = Math.ceil(limit / pageSize) - 1;
      }
      const isShort = count < pageSize;
      if (isShort) lastPage = Math.min(lastPage, page);
      fetchAhead();
      for (const item of outcome.results) {
        if (yielded >= limit) break;
        yielded += 1;
        yield item as PageItem<Paths, Path>;
      }
    }
  } finally {
    external?.removeEventListener('abort', forwardAbort);
    abortLive();
  }
}

function readPage(data: unknown, error: unknown, response: Response): PageOutcome {
  if (!response.ok || error !== undefined) {
    return { ok: false, error: JamfApiError.from(response, error) };
  }
  const body = data as { results?: unknown; totalCount?: unknown } | undefined;
  if (typeof body !== 'object' || body === null || !Array.isArray(body.results)) {
    return {
      ok: false,
      error: new JamfApiError({
        code: 'INVALID_RESPONSE',
        status: response.status,
        url: response.url,
        message: `Jamf Pro API ${response.status} from ${response.url}: expected { totalCount, results }`,
      }),
    };
  }
  const totalCount = typeof body.totalCount === 'number' ? body.totalCount : undefined;
  return { ok: true, results: body.results, totalCount };
}

function positiveInteger(name: string, value: number, code: PaginateOptionErrorCode): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new PaginateOptionError(code, `${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}
