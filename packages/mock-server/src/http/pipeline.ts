import { jamfError } from '../spec/jamf-error.js';
import { respondFromSpec } from '../spec/responder/respond.js';
import { payloadTooLarge, validateRequest } from '../spec/validation/validate-request.js';
import type { MockClock } from '../state/clock.js';
import type { MockState } from '../state/mock-state.js';
import { hasPrivileges } from '../state/principal.js';
import type { MockWebhooks } from '../webhooks/mock-webhooks.js';
import { authenticate } from './authenticate.js';
import { classicError } from './classic/index.js';
import type { Fault, FaultRegistry } from './faults.js';
import type { IncomingRequest } from './incoming-request.js';
import { withTextBody } from './responses/text-body.js';
import { proUnauthorized } from './responses/unauthorized.js';
import type { RouteContext } from './route.js';
import { type MountedRoute, matchPath } from './router.js';

/** What the pipeline reads on every request; `state` may be swapped by `reset()`. */
export interface PipelineRuntime {
  state(): MockState;
  clock: MockClock;
  faults: FaultRegistry;
  /** Called with a bug of the mock itself; the caller got a Jamf-shaped 500. */
  onInternalError(error: unknown, request: Request): void;
  /** Counts requests being answered, for `mock.stats`. */
  stats: { requests: number; inFlight: number; maxInFlight: number };
  /** Fires registered webhooks for what a write changed (nothing when none is registered). */
  webhooks?: Pick<MockWebhooks, 'observe'>;
  /** True to accept Basic credentials on Classic routes, as servers before 11.5 could. */
  allowBasicAuthOnClassic: boolean;
  /** Largest request body accepted, in bytes; a larger one gets 413. */
  maxBodyBytes: number;
}

/**
 * Answers a request for a matched route: faults → authentication (401) → privileges (403) →
 * request validation (400) → the explicit handler or the spec responder. Never throws.
 */
export async function runPipeline(
  runtime: PipelineRuntime,
  route: MountedRoute,
  incoming: IncomingRequest,
): Promise<Response> {
  const { url, method, headers } = incoming;
  const { stats } = runtime;
  stats.requests++;
  stats.inFlight++;
  stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
  try {
    const fault = runtime.faults.take(method, url.pathname);
    // Awaited only when there is one: most requests have none, and each await is a tick.
    const faulted = fault === undefined ? undefined : await applyFault(fault);
    if (faulted) return faulted;
    const declaredBytes = Number(headers.get('content-length') ?? Number.NaN);
    if (declaredBytes > runtime.maxBodyBytes) return tooLarge(route, runtime.maxBodyBytes);
    const state = runtime.state();
    const params = matchPath(route, url.pathname) ?? {};
    const principal = route.isPublic
      ? undefined
      : authenticate(headers, state, {
          allowBasic: route.isClassic && runtime.allowBasicAuthOnClassic,
        });
    if (!route.isPublic && !principal) return unauthorized(route);
    const { operation } = route;
    if (principal && operation && !hasPrivileges(principal, operation.requiredPrivileges)) {
      return jamfError(403, 'INVALID_PRIVILEGE', 'Forbidden');
    }
    if (operation && !route.validatesItself) {
      const checked = validateRequest(
        operation,
        { method, url, headers, withBody: incoming.request },
        params,
        { maxBodyBytes: runtime.maxBodyBytes },
      );
      const invalid = checked instanceof Promise ? await checked : checked;
      if (invalid) return invalid;
    }
    const ctx: RouteContext = {
      get request() {
        return incoming.request();
      },
      url,
      headers,
      params,
      state,
      principal,
      clock: runtime.clock,
      operation,
      maxBodyBytes: runtime.maxBodyBytes,
    };
    const fireWebhooks = runtime.webhooks?.observe(incoming, url.pathname, state);
    const answered = route.handle
      ? route.handle(ctx)
      : operation
        ? respondFromSpec(operation, ctx)
        : jamfError(404, 'NOT_FOUND', 'Not found');
    // Most handlers answer at once; awaiting only what is not yet a Response saves a tick.
    const response = answered instanceof Response ? answered : await answered;
    if (fireWebhooks === undefined) return response;
    // The firing rules may read the body (RestAPIOperation), so it gets one.
    const readable = withTextBody(response);
    fireWebhooks(readable, principal?.name);
    return readable;
  } catch (error) {
    runtime.onInternalError(error, incoming.request());
    return jamfError(500, 'INTERNAL_ERROR', 'The mock failed to answer this request');
  } finally {
    stats.inFlight--;
  }
}

/** The response a fault forces, after its latency; undefined lets the request go on. */
export async function applyFault(fault: Fault | undefined): Promise<Response | undefined> {
  if (!fault) return undefined;
  if (fault.latencyMs !== undefined && fault.latencyMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
  }
  if (fault.networkError) return Response.error();
  if (fault.status === undefined) return undefined;
  const headers: Record<string, string> = {};
  if (fault.status === 429 || fault.status === 503)
    headers['retry-after'] = String(fault.retryAfterSeconds ?? 1);
  const code = fault.status === 429 ? 'TOO_MANY_REQUESTS' : `HTTP_${fault.status}`;
  return jamfError(fault.status, code, 'Injected fault', null, headers);
}

/** The one status for a body above the limit: 413, as a Classic page or Jamf's JSON error. */
function tooLarge(route: MountedRoute, maxBodyBytes: number): Response {
  if (route.isClassic) return classicError(413, `Request body exceeds ${maxBodyBytes} bytes`);
  return payloadTooLarge(maxBodyBytes);
}

function unauthorized(route: MountedRoute): Response {
  if (route.isClassic) {
    const page = classicError(401, 'The request requires user authentication');
    page.headers.set(
      'www-authenticate',
      'Basic realm="Restful JSS Access -- Please supply your credentials"',
    );
    return page;
  }
  return proUnauthorized();
}
