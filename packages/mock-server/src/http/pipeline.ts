import { jamfError } from '../spec/jamf-error.js';
import type { SpecOperation } from '../spec/openapi-document.js';
import { respondFromSpec } from '../spec/responder/respond.js';
import { payloadTooLarge, validateRequest } from '../spec/validation/validate-request.js';
import type { MockClock } from '../state/clock.js';
import type { MockState } from '../state/mock-state.js';
import { hasPrivileges, type Principal } from '../state/principal.js';
import type { MockWebhooks } from '../webhooks/mock-webhooks.js';
import { authenticate } from './authenticate.js';
import { classicError } from './classic/index.js';
import type { MockCluster } from './cluster.js';
import type { Fault, FaultRegistry } from './faults.js';
import type { HeaderReader, IncomingRequest } from './incoming-request.js';
import { refuseBadMultipart } from './multipart-body.js';
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
  /** Jamf Cloud's nodes, when the mock emulates them (`cluster` option). */
  cluster?: MockCluster;
}

/** What the pipeline answers: a Response at once, or a promise of one when something was awaited. */
export type PipelineAnswer = Response | Promise<Response>;

/**
 * Answers a request for a matched route: faults → authentication (401) → privileges (403) →
 * request validation (400) → the explicit handler or the spec responder. Never throws, and
 * never rejects.
 *
 * The answer is a `Response` itself when nothing had to be awaited (no fault, no body to
 * validate, a handler that answered at once: a token request, an inventory page), and a promise
 * only otherwise. An async function allocated a promise per request and put its answer a
 * microtask later, plus the caller's await on it (bench P4's profile of the token route).
 */
export function runPipeline(
  runtime: PipelineRuntime,
  route: MountedRoute,
  incoming: IncomingRequest,
): PipelineAnswer {
  const { stats } = runtime;
  stats.requests++;
  stats.inFlight++;
  stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
  let answered: PipelineAnswer;
  try {
    answered = answerRoute(runtime, route, incoming);
    const { cluster } = runtime;
    if (cluster !== undefined) {
      answered =
        answered instanceof Response
          ? cluster.settle(incoming, answered)
          : Promise.resolve(answered).then((response) => cluster.settle(incoming, response));
    }
  } catch (error) {
    stats.inFlight--;
    return internalError(runtime, error, incoming);
  }
  if (answered instanceof Response) {
    stats.inFlight--;
    return answered;
  }
  // `Promise.resolve` also settles a handler's thenable that is not a native promise.
  return Promise.resolve(answered).then(
    (response) => {
      stats.inFlight--;
      return response;
    },
    (error: unknown) => {
      stats.inFlight--;
      return internalError(runtime, error, incoming);
    },
  );
}

/** `answer` passed to `next`, at once when it is a Response, after it settles otherwise. */
export function thenAnswer(
  answer: PipelineAnswer,
  next: (response: Response) => Response,
): PipelineAnswer {
  return answer instanceof Response ? next(answer) : Promise.resolve(answer).then(next);
}

function internalError(
  runtime: PipelineRuntime,
  error: unknown,
  incoming: IncomingRequest,
): Response {
  runtime.onInternalError(error, incoming.request());
  return jamfError(500, 'INTERNAL_ERROR', 'The mock failed to answer this request');
}

/** The fault step: most requests have none, and then nothing is awaited. */
function answerRoute(
  runtime: PipelineRuntime,
  route: MountedRoute,
  incoming: IncomingRequest,
): PipelineAnswer {
  const fault = runtime.faults.take(incoming.method, incoming.url.pathname);
  if (fault === undefined) return answerUnfaulted(runtime, route, incoming);
  return applyFault(fault).then((faulted) => faulted ?? answerUnfaulted(runtime, route, incoming));
}

/** Size limit, authentication, privileges and request validation, then the handler. */
function answerUnfaulted(
  runtime: PipelineRuntime,
  route: MountedRoute,
  incoming: IncomingRequest,
): PipelineAnswer {
  const { url, method, headers } = incoming;
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
  const handled: Handled = { runtime, route, incoming, state, params, principal };
  if (operation && !route.validatesItself) {
    const checked = validateRequest(
      operation,
      { method, url, headers, withBody: () => incoming.request() },
      params,
      { maxBodyBytes: runtime.maxBodyBytes },
    );
    if (checked instanceof Promise) {
      return checked.then((invalid) => invalid ?? answerHandler(handled));
    }
    if (checked) return checked;
  }
  return answerHandler(handled);
}

/** What the handler step reads, worked out by the steps before it. */
interface Handled {
  runtime: PipelineRuntime;
  route: MountedRoute;
  incoming: IncomingRequest;
  state: MockState;
  params: Record<string, string>;
  principal: Principal | undefined;
}

/**
 * A handler's {@link RouteContext}, `request` built on first read. A class: an object literal
 * with a getter was a runtime call per request (~0.5 µs, bench P4's profile of the token route),
 * a prototype getter costs nothing to create.
 */
class HandlerContext implements RouteContext {
  readonly #incoming: IncomingRequest;
  readonly url: URL;
  readonly headers: HeaderReader;
  readonly clock: MockClock;
  readonly maxBodyBytes: number;

  constructor(
    incoming: IncomingRequest,
    readonly params: Record<string, string>,
    readonly state: MockState,
    readonly principal: Principal | undefined,
    runtime: PipelineRuntime,
    readonly operation: SpecOperation | undefined,
  ) {
    this.#incoming = incoming;
    this.url = incoming.url;
    this.headers = incoming.headers;
    this.clock = runtime.clock;
    this.maxBodyBytes = runtime.maxBodyBytes;
  }

  get request(): Request {
    return this.#incoming.request();
  }
}

/** The explicit handler or the spec responder, and the webhooks the write fires. */
function answerHandler({
  runtime,
  route,
  incoming,
  state,
  params,
  principal,
}: Handled): PipelineAnswer {
  const { operation } = route;
  const hidden = runtime.cluster?.hidden(incoming, route.isClassic);
  if (hidden !== undefined) return hidden;
  const ctx = new HandlerContext(incoming, params, state, principal, runtime, operation);
  const fireWebhooks = runtime.webhooks?.observe(incoming, incoming.url.pathname, state);
  const answered = route.handle
    ? route.handle(ctx)
    : operation
      ? answerFromSpec(operation, ctx)
      : jamfError(404, 'NOT_FOUND', 'Not found');
  if (fireWebhooks === undefined) return answered;
  return thenAnswer(answered, (response) => {
    // The firing rules may read the body (RestAPIOperation), so it gets one.
    const readable = withTextBody(response);
    fireWebhooks(readable, principal?.name);
    return readable;
  });
}

/**
 * The spec's generated answer; a multipart upload (icons, attachments, …) is read first and
 * refused when it is not multipart or lacks a required part, as the spec's schema says.
 */
function answerFromSpec(operation: SpecOperation, ctx: HandlerContext): PipelineAnswer {
  const contentType = ctx.headers.get('content-type');
  if (contentType === null || !/^\s*multipart\//i.test(contentType)) {
    return respondFromSpec(operation, ctx);
  }
  return refuseBadMultipart(operation, ctx.request, ctx.maxBodyBytes).then(
    (refusal) => refusal ?? respondFromSpec(operation, ctx),
  );
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
