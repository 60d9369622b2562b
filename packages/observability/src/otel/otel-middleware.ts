import type { MiddlewareParams } from '@jamf/core';
import type { Span } from '@opentelemetry/api';
import type { ObservingMiddleware } from '../observing-middleware.js';
import { routeOf } from '../route.js';
import {
  endWithError,
  endWithResponse,
  type OtelOptions,
  startRequestSpan,
  tracerOf,
} from './tracing.js';

/**
 * An openapi-fetch middleware (also a `@jamf/classic-api` one) that opens a client span per
 * request, named `{method} {url.template}` with OpenTelemetry's HTTP attributes, and ends it with
 * the status or the error. Register it first (outermost) so one span covers retries and replays.
 * @example
 * const pro = createProClient({ baseUrl, middleware: [otelMiddleware(), authMiddleware(jamf)] });
 */
export function otelMiddleware(options: OtelOptions = {}): ObservingMiddleware {
  const tracer = tracerOf(options, 'otelMiddleware');
  const spans = new Map<string, Span>();
  const take = (id: string): Span | undefined => {
    const span = spans.get(id);
    spans.delete(id);
    return span;
  };
  return {
    async onRequest(params: MiddlewareParams) {
      const started = startRequestSpan(tracer, options, params.request, routeOf(params));
      spans.set(params.id, started.span);
      return started.request;
    },
    async onResponse(params) {
      const span = take(params.id);
      if (span !== undefined) endWithResponse(span, params.response);
      return undefined;
    },
    async onError(params) {
      const span = take(params.id);
      if (span !== undefined) endWithError(span, params.error);
      return undefined;
    },
  };
}
