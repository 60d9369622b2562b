import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createProClient,
  JamfApiError,
  PaginateOptionError,
  paginate,
  type Schema,
} from '../src/index.js';
import { type LocalServer, sendJson, startLocalServer } from './support/local-server.js';

type Page = { page: number; pageSize: number; query: URLSearchParams };

/**
 * A paged list on a real server. `respond` answers one page request (return `'hold'` to never
 * answer it). Page requests other than page 0 are held until `batch` of them are pending, then
 * answered newest first, so only a client that really runs them concurrently gets any answer,
 * and answers arrive out of order.
 */
async function pagedServer(options: {
  respond: (page: Page) => { status: number; body: unknown } | 'hold';
  batch?: (pendingPages: number[]) => boolean;
}) {
  const stats = { requests: [] as number[], inFlight: 0, maxInFlight: 0, closedUnanswered: 0 };
  const waiting: { page: Page; response: ServerResponse }[] = [];
  const closedWaiters: (() => void)[] = [];
  const requestWaiters: (() => void)[] = [];

  const answer = (page: Page, response: ServerResponse) => {
    const outcome = options.respond(page);
    if (outcome === 'hold') return;
    stats.inFlight -= 1;
    sendJson(response, outcome.status, outcome.body);
  };

  const server = await startLocalServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const page: Page = {
      page: Number(url.searchParams.get('page')),
      pageSize: Number(url.searchParams.get('page-size')),
      query: url.searchParams,
    };
    stats.requests.push(page.page);
    for (const wake of requestWaiters.splice(0)) wake();
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    response.on('close', () => {
      if (!response.writableEnded) {
        stats.inFlight -= 1;
        stats.closedUnanswered += 1;
        for (const wake of closedWaiters.splice(0)) wake();
      }
    });
    if (page.page === 0 || options.batch === undefined) {
      answer(page, response);
      return;
    }
    waiting.push({ page, response });
    if (options.batch(waiting.map((w) => w.page.page))) {
      for (const held of waiting.splice(0).reverse()) answer(held.page, held.response);
    }
  });
  servers.push(server);
  const closedUnanswered = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (stats.closedUnanswered >= count ? resolve() : closedWaiters.push(check));
      check();
    });
  const requested = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (stats.requests.length >= count ? resolve() : requestWaiters.push(check));
      check();
    });
  return { server, stats, closedUnanswered, requested };
}

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A list of `count` computers, ids "0"…, served `pageSize` at a time with `totalCount`. */
function slice(items: number, page: Page, totalCount = items) {
  const start = page.page * page.pageSize;
  const end = Math.min(items, start + page.pageSize);
  const results = [];
  for (let id = start; id < end; id += 1) results.push({ id: String(id) });
  return { status: 200, body: { totalCount, results } };
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

/** A client whose every send is recorded (and answered 500): a refused call must send nothing. */
function recordingClient() {
  const sent: string[] = [];
  const jamf = createProClient({
    baseUrl: 'http://127.0.0.1:9',
    fetch: async (request) => {
      sent.push(request.url);
      return new Response('{}', { status: 500 });
    },
  });
  return { jamf, sent };
}

describe('paginate', () => {
  it('fetches pages concurrently, bounded, and yields items in order', async () => {
    const items = 23; // pages 0…7 of 3
    const concurrency = 3;
    let answered = 0;
    const { server, stats } = await pagedServer({
      respond: (page) => slice(items, page),
      batch: (pending) => {
        const remaining = 7 - answered;
        if (pending.length < Math.min(concurrency, remaining)) return false;
        answered += pending.length;
        return true;
      },
    });
    const jamf = createProClient({ baseUrl: server.origin });
    const computers = await collect(
      paginate(jamf, '/v1/computers-inventory', {
        params: { query: { section: ['GENERAL'], sort: ['id:asc'] } },
        pageSize: 3,
        concurrency,
      }),
    );
    expect(computers.map((c) => c.id)).toEqual(Array.from({ length: items }, (_, i) => String(i)));
    expect(stats.maxInFlight).toBe(concurrency);
    expect([...stats.requests].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('types items from the path', async () => {
    const { server } = await pagedServer({ respond: (page) => slice(1, page) });
    const jamf = createProClient({ baseUrl: server.origin });
    const iterator = paginate(jamf, '/v1/api-roles');
    expectTypeOf(iterator).toEqualTypeOf<AsyncGenerator<Schema<'ApiRole'>, void, undefined>>();
    expect(await collect(iterator)).toEqual([{ id: '0' }]);
  });

  it('passes the query through and sets page and page-size', async () => {
    const queries: URLSearchParams[] = [];
    const { server } = await pagedServer({
      respond: (page) => {
        queries.push(page.query);
        return slice(0, page);
      },
    });
    const jamf = createProClient({ baseUrl: server.origin });
    await collect(
      paginate(jamf, '/v1/computers-inventory', {
        params: { query: { section: ['GENERAL', 'HARDWARE'], filter: 'general.name=="a b"' } },
        pageSize: 50,
      }),
    );
    expect(queries[0]?.getAll('section')).toEqual(['GENERAL', 'HARDWARE']);
    expect(queries[0]?.get('filter')).toBe('general.name=="a b"');
    expect(queries[0]?.get('page')).toBe('0');
    expect(queries[0]?.get('page-size')).toBe('50');
  });

  it('yields nothing for an empty list, after one request', async () => {
    const { server, stats } = await pagedServer({ respond: (page) => slice(0, page) });
    const jamf = createProClient({ baseUrl: server.origin });
    expect(await collect(paginate(jamf, '/v1/api-roles', { pageSize: 10 }))).toEqual([]);
    expect(stats.requests).toEqual([0]);
  });

  it('throws INVALID_RESPONSE for a page that is not { totalCount, results }', async () => {
    const { server } = await pagedServer({
      respond: () => ({ status: 200, body: { items: [] } }),
    });
    const jamf = createProClient({ baseUrl: server.origin });
    const failure = await collect(paginate(jamf, '/v1/api-roles', { pageSize: 10 })).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(JamfApiError);
    expect(failure).toMatchObject({ code: 'INVALID_RESPONSE', status: 200 });
  });

  it('throws a JamfApiError after yielding the pages before a failing one, aborting the rest', async () => {
    const { server, closedUnanswered, requested } = await pagedServer({
      respond: (page) => {
        if (page.page === 2) {
          return {
            status: 500,
            body: { httpStatus: 500, errors: [{ code: 'UNEXPECTED', description: 'boom' }] },
          };
        }
        if (page.page >= 3) return 'hold';
        return slice(100, page);
      },
      // Answer every request as it comes (page 0 first), holding pages ≥ 3 forever.
      batch: () => true,
    });
    const jamf = createProClient({ baseUrl: server.origin });
    const seen: string[] = [];
    const failure = await (async () => {
      for await (const role of paginate(jamf, '/v1/api-roles', { pageSize: 10, concurrency: 4 })) {
        seen.push(role.id ?? '');
        // Make sure pages 3 and 4 reached the server before page 2's failure surfaces.
        if (role.id === '19') await requested(5);
      }
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(failure).toBeInstanceOf(JamfApiError);
    expect(failure).toMatchObject({ code: 'SERVER_ERROR', status: 500 });
    // Pages 3 and 4 were in flight and held by the server: the client must hang up on them.
    await closedUnanswered(2);
  });

  it('stops at a shrinking totalCount without yielding past it', async () => {
    const { server, stats } = await pagedServer({
      // 10 items claimed on page 0; from page 1 on, only 5 remain.
      respond: (page) => (page.page === 0 ? slice(10, page, 10) : slice(5, page, 5)),
    });
    const jamf = createProClient({ baseUrl: server.origin });
    const ids = (await collect(paginate(jamf, '/v1/api-roles', { pageSize: 3 }))).map((r) => r.id);
    expect(ids).toEqual(['0', '1', '2', '3', '4']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stats.requests.length).toBeLessThanOrEqual(4);
  });

  it('does not chase a growing totalCount', async () => {
    let total = 5;
    const { server, stats } = await pagedServer({
      respond: (page) => {
        total += 3; // every request sees more items than the last
        return slice(total, page, page.page === 0 ? 5 : total);
      },
    });
    const jamf = createProClient({ baseUrl: server.origin });
    const ids = (await collect(paginate(jamf, '/v1/api-roles', { pageSize: 2 }))).map((r) => r.id);
    expect(ids).toEqual(['0', '1', '2', '3', '4']);
    expect(stats.requests.length).toBe(3);
  });

  it('stops at a short page even when totalCount promised more', async () => {
    const { server } = await pagedServer({
      respond: (page) => slice(4, page, 50),
    });
    const jamf = createProClient({ baseUrl: server.origin });
    const ids = (
      await collect(paginate(jamf, '/v1/api-roles', { pageSize: 3, concurrency: 1 }))
    ).map((r) => r.id);
    expect(ids).toEqual(['0', '1', '2', '3']);
  });

  it("adopts the server's smaller page size when it caps page-size", async () => {
    const sizes: number[] = [];
    const { server } = await pagedServer({
      respond: (page) => {
        sizes.push(page.pageSize);
        return slice(11, { ...page, pageSize: Math.min(page.pageSize, 4) });
      },
    });
    const jamf = createProClient({ baseUrl: server.origin });
    const ids = (await collect(paginate(jamf, '/v1/api-roles', { pageSize: 10 }))).map((r) => r.id);
    expect(ids).toEqual(Array.from({ length: 11 }, (_, i) => String(i)));
    expect(sizes).toEqual([10, 4, 4]);
  });

  it('aborts the pages in flight when the consumer stops early', async () => {
    const { server, closedUnanswered, requested } = await pagedServer({
      respond: (page) => (page.page === 0 ? slice(100, page) : 'hold'),
      batch: () => true,
    });
    const jamf = createProClient({ baseUrl: server.origin });
    for await (const role of paginate(jamf, '/v1/api-roles', { pageSize: 10, concurrency: 2 })) {
      if (role.id === '3') {
        await requested(3); // pages 1 and 2 are on the server, unanswered
        break;
      }
    }
    await closedUnanswered(2);
  });

  it("stops with the caller's abort reason and hangs up on pages in flight", async () => {
    const { server, closedUnanswered, requested } = await pagedServer({
      respond: (page) => (page.page === 0 ? slice(100, page) : 'hold'),
      batch: () => true,
    });
    const jamf = createProClient({ baseUrl: server.origin });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const seen: string[] = [];
    const failure = await (async () => {
      for await (const role of paginate(jamf, '/v1/api-roles', {
        pageSize: 10,
        concurrency: 2,
        signal: controller.signal,
      })) {
        seen.push(role.id);
        if (role.id === '9') {
          await requested(3);
          controller.abort(reason);
        }
      }
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(seen).toHaveLength(10);
    expect(failure).toBe(reason);
    await closedUnanswered(2);
  });

  it('walks many pages through any fetch without piling listeners on one signal (no MaxListenersExceededWarning)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      // A fetch that is not Node's own (a proxy wrapper, msw): the client's timeout uses a signal.
      const jamf = createProClient({
        baseUrl: 'https://jamf.test',
        fetch: async (request) => {
          const page = Number(new URL(request.url).searchParams.get('page'));
          const results = [{ id: String(page * 2) }, { id: String(page * 2 + 1) }];
          return Response.json({ totalCount: 60, results });
        },
      });
      const ids = await collect(paginate(jamf, '/v1/api-roles', { pageSize: 2, concurrency: 5 }));
      expect(ids).toHaveLength(60);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('rejects a nonsensical page size or concurrency with a typed error, before any request', async () => {
    const { jamf, sent } = recordingClient();
    const refusal = (options: { pageSize?: number; concurrency?: number }) =>
      collect(paginate(jamf, '/v1/api-roles', options)).then(
        () => undefined,
        (error: unknown) => error,
      );

    const badPageSize = await refusal({ pageSize: 0 });
    expect(badPageSize).toBeInstanceOf(PaginateOptionError);
    expect(badPageSize).toMatchObject({
      name: 'PaginateOptionError',
      code: 'INVALID_PAGE_SIZE',
      message: 'pageSize must be a positive integer, got 0',
    });
    const badConcurrency = await refusal({ concurrency: 1.5 });
    expect(badConcurrency).toMatchObject({
      code: 'INVALID_CONCURRENCY',
      message: 'concurrency must be a positive integer, got 1.5',
    });
    // A value from untyped code (a string read from the environment) is refused the same way.
    expect(await refusal({ pageSize: '50' as unknown as number })).toMatchObject({
      code: 'INVALID_PAGE_SIZE',
      message: 'pageSize must be a positive integer, got 50',
    });
    expect(sent).toEqual([]);
  });

  it('rejects a signal that is not an AbortSignal, or no client, with a typed error, not a TypeError', async () => {
    const { jamf, sent } = recordingClient();
    const refusal = (run: () => AsyncGenerator<unknown>) =>
      collect(run()).then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(
      await refusal(() => paginate(jamf, '/v1/api-roles', { signal: 'stop' as never })),
    ).toMatchObject({ name: 'PaginateOptionError', code: 'INVALID_SIGNAL' });
    expect(await refusal(() => paginate(null as never, '/v1/api-roles' as never))).toMatchObject({
      name: 'PaginateOptionError',
      code: 'INVALID_CLIENT',
    });
    expect(sent).toEqual([]);
  });
});
