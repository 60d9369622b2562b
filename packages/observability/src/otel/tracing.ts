import {
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { ObservabilityError } from '../errors.js';
import { errorType, requestAttributes, spanName } from './span-attributes.js';

/** Options of `otelMiddleware` and `otelFetch`. */
export interface OtelOptions {
  /** Where spans go. Default the global tracer provider (`trace.getTracerProvider()`). */
  tracerProvider?: TracerProvider;
  /**
   * Send the span's context to the server (`traceparent`, via the global propagator), so a
   * proxy or gateway can join the trace. Default true.
   */
  propagate?: boolean;
}

const TRACER_NAME = '@jamf/observability';

/**
 * The tracer of these layers, after refusing options of the wrong kind with `INVALID_OPTIONS`
 * (a TypeError here or on the first request before).
 */
export function tracerOf(options: OtelOptions, layer: string): Tracer {
  const invalid = (message: string) =>
    new ObservabilityError('INVALID_OPTIONS', `${layer}: ${message}`);
  if (typeof options !== 'object' || options === null) throw invalid('options must be an object');
  const { tracerProvider, propagate } = options;
  if (
    tracerProvider !== undefined &&
    typeof (tracerProvider as Partial<TracerProvider> | null)?.getTracer !== 'function'
  ) {
    throw invalid('tracerProvider must be a TracerProvider (with getTracer)');
  }
  if (propagate !== undefined && typeof propagate !== 'boolean') {
    throw invalid('propagate must be true or false');
  }
  return (tracerProvider ?? trace.getTracerProvider()).getTracer(TRACER_NAME);
}

/** Starts the client span of one request; returns the request to send (with `traceparent`). */
export function startRequestSpan(
  tracer: Tracer,
  options: OtelOptions,
  request: Request,
  route: string | undefined,
): { span: Span; request: Request } {
  const span = tracer.startSpan(spanName(request.method, route), {
    kind: SpanKind.CLIENT,
    attributes: requestAttributes(request, route),
  });
  if (options.propagate === false) return { span, request };
  const headers = new Headers(request.headers);
  propagation.inject(trace.setSpan(context.active(), span), headers, {
    set: (carrier, key, value) => carrier.set(key, value),
  });
  return { span, request: new Request(request, { headers }) };
}

/** Ends a span with the answer: 4xx and 5xx are errors of a client span. */
export function endWithResponse(span: Span, response: Response): void {
  span.setAttribute('http.response.status_code', response.status);
  if (response.status >= 400) {
    span.setAttribute('error.type', String(response.status));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

/** Ends a span for a request that got no answer, recording the error. */
export function endWithError(span: Span, error: unknown): void {
  span.setAttribute('error.type', errorType(error));
  if (error instanceof Error) {
    // Name and code only: a message is free text, and free text may echo a credential.
    span.recordException({ name: error.name, message: errorType(error) });
  }
  span.setStatus({ code: SpanStatusCode.ERROR, message: errorType(error) });
  span.end();
}
