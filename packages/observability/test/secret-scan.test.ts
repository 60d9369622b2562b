import { inspect } from 'node:util';
import { authMiddleware, clientCredentials, withAuth } from '@jamf/auth';
import { retry, stickySession } from '@jamf/auth/resilience';
import { createProClient } from '@jamf/pro-api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logRequests } from '../src/index.js';
import { otelFetch, otelMiddleware } from '../src/otel/index.js';
import {
  CLIENT_SECRET,
  type LocalJamf,
  STICKY_VALUE,
  startLocalJamf,
  TOKEN_PREFIX,
} from './support/local-jamf.js';

const QUERY_SECRET = 'q-filter-secret-7781';

let jamf: LocalJamf;
beforeEach(async () => {
  jamf = await startLocalJamf();
});
afterEach(async () => {
  await jamf.close();
});

/** Every text a user could see of a value: inspect (hidden fields too), JSON and String. */
function renderings(value: unknown): string[] {
  return [
    inspect(value, { depth: 10, showHidden: true }),
    JSON.stringify(value) ?? '',
    String(value),
  ];
}

function leaks(outputs: string[], secrets: string[]): string[] {
  return outputs.flatMap((output) =>
    secrets.filter((secret) => output.includes(secret)).map((secret) => `${secret} in ${output}`),
  );
}

describe('secret scan of logs and spans', () => {
  it('finds a secret when one leaks (control)', () => {
    expect(leaks(renderings({ a: `x${TOKEN_PREFIX}1` }), [TOKEN_PREFIX])).not.toEqual([]);
  });

  it('no client secret, token, cookie value or query value appears in records, pino lines or spans', async () => {
    const outputs: string[] = [];
    const lines: string[] = [];
    const logger = pino({ base: null }, { write: (line: string) => lines.push(line) });
    const log = logRequests({ log: logger });
    const records = logRequests({ log: (record) => outputs.push(...renderings(record)) });
    const exporter = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    // Token requests logged and traced too.
    const tokenFetch = otelFetch(records.wrap(log.wrap(fetch)), { tracerProvider });
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: CLIENT_SECRET,
      fetch: tokenFetch,
    });
    const pro = createProClient({
      baseUrl: jamf.url,
      fetch: records.countAttempts(log.countAttempts((r) => fetch(r))),
      headers: { cookie: `APBALANCEID=${STICKY_VALUE}` },
      middleware: [
        otelMiddleware({ tracerProvider }),
        records,
        log,
        authMiddleware(provider),
        retry({ sleep: async () => undefined }),
        stickySession(),
      ],
    });
    jamf.faults.push(401, 503, 500);
    for (let i = 0; i < 3; i++) {
      await pro.GET('/v1/computers-inventory-detail/{id}', {
        params: { path: { id: '1' }, query: { section: [QUERY_SECRET] } as never },
      });
    }
    // The fetch-wrapper form, with a query string and an unreachable server.
    const wrapped = records.wrap(log.wrap(withAuth(fetch, provider)));
    await wrapped(`${jamf.url}/api/v1/jamf-pro-version?filter=${QUERY_SECRET}`);
    await wrapped(`http://127.0.0.1:1/api/x?token=${QUERY_SECRET}`).catch(() => undefined);
    await tracerProvider.forceFlush();

    const spans = exporter.getFinishedSpans();
    for (const span of spans) {
      outputs.push(...renderings(span.attributes), ...renderings(span.events), span.name);
      outputs.push(...renderings(span.status));
    }
    outputs.push(...lines);
    // The scan saw real traffic: tokens went out, cookies came back, records were written.
    expect(jamf.seen.some((s) => s.headers.authorization?.includes(TOKEN_PREFIX))).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.some((line) => line.includes('"stickyCookie":"APBALANCEID"'))).toBe(true);
    expect(spans.length).toBeGreaterThanOrEqual(5);
    expect(leaks(outputs, [CLIENT_SECRET, TOKEN_PREFIX, STICKY_VALUE, QUERY_SECRET])).toEqual([]);
    await provider.close();
  });
});
