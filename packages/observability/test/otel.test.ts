import { authMiddleware, clientCredentials } from '@jamf/auth';
import { createClassicClient } from '@jamf/classic-api';
import { createProClient } from '@jamf/pro-api';
import { propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { otelFetch, otelMiddleware } from '../src/otel/index.js';
import { CLIENT_SECRET, type LocalJamf, startLocalJamf } from './support/local-jamf.js';

let jamf: LocalJamf;
let exporter: InMemorySpanExporter;
let tracerProvider: BasicTracerProvider;
beforeEach(async () => {
  jamf = await startLocalJamf();
  exporter = new InMemorySpanExporter();
  tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
});
afterEach(async () => {
  await jamf.close();
  await tracerProvider.shutdown();
});

describe('otelMiddleware and otelFetch', () => {
  it('one client span per API call and one per token request, with HTTP attributes', async () => {
    const jamfAuth = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: CLIENT_SECRET,
      fetch: otelFetch(fetch, { tracerProvider }),
    });
    const pro = createProClient({
      baseUrl: jamf.url,
      middleware: [otelMiddleware({ tracerProvider }), authMiddleware(jamfAuth)],
    });
    await pro.GET('/v1/computers-inventory-detail/{id}', { params: { path: { id: '1' } } });
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual([
      'POST /api/oauth/token',
      'GET /api/v1/computers-inventory-detail/{id}',
    ]);
    const [token, call] = spans;
    const port = Number(new URL(jamf.url).port);
    expect(call?.kind).toBe(SpanKind.CLIENT);
    expect(call?.attributes).toEqual({
      'http.request.method': 'GET',
      'url.template': '/api/v1/computers-inventory-detail/{id}',
      'url.full': `${jamf.url}/api/v1/computers-inventory-detail/1`,
      'url.scheme': 'http',
      'server.address': '127.0.0.1',
      'server.port': port,
      'http.response.status_code': 200,
    });
    expect(token?.attributes['url.template']).toBe('/api/oauth/token');
    expect(token?.attributes['http.response.status_code']).toBe(200);
  });

  it("sends the span's context through the global propagator, unless told not to", async () => {
    propagation.setGlobalPropagator({
      inject: (ctx, carrier, setter) => {
        const span = trace.getSpanContext(ctx);
        if (span !== undefined)
          setter.set(carrier, 'traceparent', `00-${span.traceId}-${span.spanId}-01`);
      },
      extract: (ctx) => ctx,
      fields: () => ['traceparent'],
    });
    try {
      await otelFetch(fetch, { tracerProvider })(`${jamf.url}/api/v1/jamf-pro-version`);
      await otelFetch(fetch, { tracerProvider, propagate: false })(
        `${jamf.url}/api/v1/jamf-pro-version`,
      );
    } finally {
      propagation.disable();
    }
    const [first] = exporter.getFinishedSpans();
    expect(jamf.seen.map((s) => s.headers.traceparent)).toEqual([
      `00-${first?.spanContext().traceId}-${first?.spanContext().spanId}-01`,
      undefined,
    ]);
  });

  it('marks 4xx answers and transport errors as errors, with error.type', async () => {
    const classic = createClassicClient({
      baseUrl: jamf.url,
      middleware: [otelMiddleware({ tracerProvider })],
    });
    jamf.faults.push(404);
    await expect(
      classic.request('GET', '/computers/id/{id}', { params: { path: { id: 9 } } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const refused = otelFetch(fetch, { tracerProvider });
    await expect(refused('http://127.0.0.1:1/api/v1/ping')).rejects.toThrow();
    const [notFound, unreachable] = exporter.getFinishedSpans();
    expect(notFound?.name).toBe('GET /JSSResource/computers/id/{id}');
    expect(notFound?.attributes['error.type']).toBe('404');
    expect(notFound?.status.code).toBe(SpanStatusCode.ERROR);
    expect(unreachable?.name).toBe('GET');
    expect(unreachable?.attributes['error.type']).toBe('TypeError');
    expect(unreachable?.status.code).toBe(SpanStatusCode.ERROR);
    expect(unreachable?.events.map((e) => e.name)).toEqual(['exception']);
  });
});
