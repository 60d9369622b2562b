/**
 * P9: what logging and tracing cost per request. The same loopback node:http server (a child
 * process, as in P1) answers a computer record; four @jamf/pro-api clients send the same GET,
 * interleaved round by round:
 *   - no middleware (a static Authorization header),
 *   - + logRequests (records JSON-serialised by a function sink, as a logger would),
 *   - + otelMiddleware (a real tracer provider, batch processor, exporter that discards),
 *   - + both.
 * Reported as req/s and the client process's CPU µs per request, each ÷ the plain client.
 */
import { logRequests } from '@jamf/observability';
import { otelMiddleware } from '@jamf/observability/otel';
import { createProClient } from '@jamf/pro-api';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import {
  COMPUTER_RECORD_PATH,
  clientLoadParams,
  clientLoadShape,
  startComputerRecordServer,
} from './harness/computer-record-load.js';
import { interleavedLoad } from './harness/interleaved-load.js';
import { ratioResult, type VariantResult, variantResult } from './harness/result.js';

type Call = () => Promise<void>;

/** Runs P9; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const shape = clientLoadShape(context.quick);
  const { requests, rounds, warmupRequests, inFlight } = shape;
  const server = await startComputerRecordServer();
  let spansExported = 0;
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [
      new BatchSpanProcessor({
        export: (spans, done) => {
          spansExported += spans.length;
          done({ code: 0 });
        },
        shutdown: async () => undefined,
      }),
    ],
  });
  try {
    let recordBytes = 0;
    const sink = (record: object) => {
      recordBytes += JSON.stringify(record).length;
    };
    const client = (middleware: Parameters<typeof createProClient>[0]['middleware']) =>
      createProClient({
        baseUrl: server.origin,
        headers: { authorization: 'Bearer bench-access-token' },
        ...(middleware === undefined ? {} : { middleware }),
      });
    const log = logRequests({ log: sink });
    const clients: [string, ReturnType<typeof client>][] = [
      ['pro-api', client(undefined)],
      ['+ logRequests', client([log])],
      ['+ otelMiddleware', client([otelMiddleware({ tracerProvider })])],
      ['+ both', client([otelMiddleware({ tracerProvider }), logRequests({ log: sink })])],
    ];
    const calls: [string, Call][] = clients.map(([name, pro]) => [
      name,
      async () => {
        const { data, response } = await pro.GET(COMPUTER_RECORD_PATH, {
          params: { path: { id: '1' } },
        });
        if (!response.ok || data?.id !== '1') throw new Error(`unexpected ${response.status}`);
      },
    ]);
    const { requestsPerSecond: samples, clientCpuMicros: cpuSamples } = await interleavedLoad(
      calls,
      { warmupRequests, requests, inFlight, rounds, log: context.log },
    );
    await tracerProvider.forceFlush();
    const rates = calls.map(([name]) => variantResult(name, 'req/s', samples.get(name)!, true));
    const cpus = calls.map(([name]) =>
      variantResult(`${name}: client CPU`, 'µs/req', cpuSamples.get(name)!, false),
    );
    const [base, logged, traced, both] = rates as [
      VariantResult,
      VariantResult,
      VariantResult,
      VariantResult,
    ];
    const [baseCpu, loggedCpu, tracedCpu, bothCpu] = cpus as [
      VariantResult,
      VariantResult,
      VariantResult,
      VariantResult,
    ];
    const added = (cpu: VariantResult) => (cpu.median - baseCpu.median).toFixed(1);
    return {
      params: clientLoadParams(shape),
      variants: [...rates, ...cpus],
      ratios: [
        ratioResult('logRequests ÷ plain, req/s', logged, base),
        ratioResult('otelMiddleware ÷ plain, req/s', traced, base),
        ratioResult('both ÷ plain, req/s', both, base),
        ratioResult('logRequests ÷ plain, client CPU', loggedCpu, baseCpu),
        ratioResult('otelMiddleware ÷ plain, client CPU', tracedCpu, baseCpu),
        ratioResult('both ÷ plain, client CPU', bothCpu, baseCpu),
      ],
      notes: [
        `client CPU added per request, difference of medians: logRequests ${added(loggedCpu)} µs, otelMiddleware ${added(tracedCpu)} µs, both ${added(bothCpu)} µs`,
        `${spansExported} spans exported, ${recordBytes} bytes of JSON records written`,
      ],
    };
  } finally {
    await tracerProvider.shutdown();
    await server.close();
  }
}
