import { authMiddleware, clientCredentials } from '@jamf/auth';
import { retry } from '@jamf/auth/resilience';
import { createClassicClient } from '@jamf/classic-api';
import { createProClient } from '@jamf/pro-api';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logRequests, ObservabilityError, type RequestRecord } from '../src/index.js';
import { CLIENT_SECRET, type LocalJamf, startLocalJamf } from './support/local-jamf.js';

let jamf: LocalJamf;
beforeEach(async () => {
  jamf = await startLocalJamf();
});
afterEach(async () => {
  await jamf.close();
});

/** A clock that advances 5 ms per reading, so durations are exact. */
function steppingClock(): () => number {
  let t = 0;
  return () => {
    t += 5;
    return t;
  };
}

const provider = () =>
  clientCredentials({ baseUrl: jamf.url, clientId: 'client-1', clientSecret: CLIENT_SECRET });

describe('logRequests', () => {
  it('logs one record per Pro call with route, status, duration, request id and cookie name', async () => {
    const records: RequestRecord[] = [];
    const log = logRequests({ log: (r) => records.push(r), now: steppingClock() });
    const pro = createProClient({
      baseUrl: jamf.url,
      middleware: [log, authMiddleware(provider())],
    });
    const { data } = await pro.GET('/v1/computers-inventory-detail/{id}', {
      params: { path: { id: '1' }, query: { section: ['GENERAL'] } as never },
    });
    expect(data?.id).toBe('1');
    expect(records).toEqual([
      {
        method: 'GET',
        server: jamf.url,
        path: '/api/v1/computers-inventory-detail/1',
        route: '/api/v1/computers-inventory-detail/{id}',
        status: 200,
        durationMs: 5,
        requestId: expect.stringMatching(/^req-\d+$/),
        stickyCookie: 'APBALANCEID',
      },
    ]);
  });

  it('counts retries and 401-replays when the client fetch is counted, and strips its marker', async () => {
    const records: RequestRecord[] = [];
    const log = logRequests({ log: (r) => records.push(r) });
    const pro = createProClient({
      baseUrl: jamf.url,
      fetch: log.countAttempts((request) => fetch(request)),
      middleware: [
        log,
        authMiddleware(provider()),
        retry({ sleep: async () => undefined, random: () => 0 }),
      ],
    });
    jamf.faults.push(503, 401);
    const { response } = await pro.GET('/v1/computers-inventory-detail/{id}', {
      params: { path: { id: '1' } },
    });
    expect(response.status).toBe(200);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 200, attempts: 3, retries: 1, replays: 1 });
    const apiCalls = jamf.seen.filter((s) => s.path.startsWith('/api/v1/computers'));
    expect(apiCalls).toHaveLength(3);
    for (const call of apiCalls) {
      expect(Object.keys(call.headers).filter((h) => h.startsWith('x-jamf-sdk'))).toEqual([]);
    }
  });

  it('logs a Classic call and a request with no answer (error type and code, no message)', async () => {
    const records: RequestRecord[] = [];
    const log = logRequests({ log: (r) => records.push(r) });
    const classic = createClassicClient({ baseUrl: jamf.url, middleware: [log] });
    await classic.request('GET', '/computers/id/{id}', { params: { path: { id: 1 } } });
    expect(records[0]).toMatchObject({
      method: 'GET',
      route: '/JSSResource/computers/id/{id}',
      path: '/JSSResource/computers/id/1',
      status: 200,
    });
    const refused = logRequests({ log: (r) => records.push(r) }).wrap(fetch);
    await expect(refused('http://127.0.0.1:1/api/v1/ping')).rejects.toThrow();
    expect(records[1]).toMatchObject({
      method: 'GET',
      path: '/api/v1/ping',
      error: { type: 'TypeError' },
    });
    expect(records[1]).not.toHaveProperty('status');
  });

  it('writes pino lines: info below 400, warn from 400', async () => {
    const lines: string[] = [];
    const logger = pino(
      { base: null, timestamp: false },
      { write: (line: string) => lines.push(line) },
    );
    const send = logRequests({ log: logger }).wrap(fetch);
    await send(`${jamf.url}/api/v1/jamf-pro-version`);
    jamf.faults.push(404);
    await send(`${jamf.url}/api/v1/jamf-pro-version`);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((p) => [p.level, p.msg, p.status])).toEqual([
      [30, 'jamf request', 200],
      [40, 'jamf request', 404],
    ]);
  });

  it('answers the call when the sink throws, and warns once by default', async () => {
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const broken = new Error('disk full');
      const log = logRequests({
        log: () => {
          throw broken;
        },
      });
      const pro = createProClient({
        baseUrl: jamf.url,
        middleware: [log, authMiddleware(provider())],
      });
      const first = await pro.GET('/v1/computers-inventory-detail/{id}', {
        params: { path: { id: '1' } },
      });
      expect(first.response.status).toBe(200);
      expect(first.data?.id).toBe('1');
      const sent = await log.wrap(fetch)(`${jamf.url}/api/v1/jamf-pro-version`);
      expect(sent.status).toBe(200);
      expect(emitWarning).toHaveBeenCalledTimes(1);
      const [warning] = emitWarning.mock.calls[0]!;
      expect(warning).toBeInstanceOf(ObservabilityError);
      expect(warning).toMatchObject({ code: 'LOG_SINK_FAILED', cause: broken });
    } finally {
      emitWarning.mockRestore();
    }
  });

  it('hands a sink failure to onLogError with its record, and a failing handler changes nothing', async () => {
    const failures: [unknown, RequestRecord][] = [];
    const log = logRequests({
      log: {
        info: () => {},
        warn: () => {
          throw new Error('stream closed');
        },
      },
      onLogError: (error, record) => failures.push([error, record]),
    });
    const classic = createClassicClient({ baseUrl: jamf.url, middleware: [log] });
    jamf.faults.push(404);
    // The call's own outcome (a typed 404), not the sink's error.
    await expect(
      classic.request('GET', '/computers/id/{id}', { params: { path: { id: 1 } } }),
    ).rejects.toMatchObject({ name: 'ClassicApiError', status: 404 });
    expect(failures).toEqual([
      [
        expect.objectContaining({ message: 'stream closed' }),
        expect.objectContaining({ status: 404 }),
      ],
    ]);
    const refused = logRequests({
      log: () => {
        throw new Error('sink');
      },
      onLogError: () => {
        throw new Error('handler');
      },
    }).wrap(fetch);
    // The call's own error, not the sink's or the handler's.
    await expect(refused('http://127.0.0.1:1/api/v1/ping')).rejects.toThrow(TypeError);
    expect(() => logRequests({ log: () => {}, onLogError: 'warn' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });

  it('rejects a log that is neither a function nor a logger', () => {
    expect(() => logRequests({ log: {} as never })).toThrow(ObservabilityError);
    expect(() => logRequests({ log: 42 as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });

  it.each([
    ['no options', undefined],
    ['request-id headers as one string', { log: () => {}, requestIdHeaders: 'x-request-id' }],
    ['cookie names that are not strings', { log: () => {}, stickyCookieNames: [5] }],
    ['a clock that is not a function', { log: () => {}, now: 5 }],
    ['a message that is not text', { log: () => {}, message: 42 }],
  ])('rejects %s with INVALID_OPTIONS, not a TypeError', (_, options) => {
    expect(() => logRequests(options as never)).toThrow(
      expect.objectContaining({ name: 'ObservabilityError', code: 'INVALID_OPTIONS' }),
    );
  });
});
