import { HttpResponse, type RequestHandler } from 'msw';
import type { MockAccountOptions } from './accounts.js';
import { classicError, classicRoutes } from './classic/index.js';
import { createMockClock, type MockClock } from './clock.js';
import { FaultRegistry } from './faults.js';
import { proSpec } from './generated/pro-spec.js';
import { inventoryProRoutes } from './inventory/index.js';
import { jamfError } from './jamf-error.js';
import { MatcherHandler } from './matcher-handler.js';
import type { OpenApiDocument } from './openapi-document.js';
import { applyFault, type PipelineRuntime, runPipeline } from './pipeline.js';
import { privilegeNames } from './privilege-names.js';
import type { Route } from './route.js';
import { buildRouteTable, type MountedRoute, matchPath, mswPath } from './router.js';
import { apiIntegrationRoutes } from './routes/api-integration-routes.js';
import { apiRoleRoutes } from './routes/api-role-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { oauthRoutes } from './routes/oauth-routes.js';
import { privilegeRoutes } from './routes/privilege-routes.js';
import { schemaRoute } from './routes/schema-route.js';
import { createMockState, type MockState, type MockStateOptions } from './state.js';

/** Options of {@link createJamfMock}. */
export interface JamfMockOptions {
  /** Origin the handlers answer (a path part is ignored); default `https://jamf.example.test`. */
  baseUrl?: string;
  /** Accounts that may get tokens; default one administrator, `admin` / `jamf1234`. */
  accounts?: readonly MockAccountOptions[];
  /** Seed of the deterministic inventory; default 1. */
  seed?: number;
  /** How many inventory objects to generate, e.g. `{ computers: 10_000 }`. */
  counts?: MockStateOptions['counts'];
  /** Lifetime of user tokens (`/v1/auth/token`); default 1200 (20 minutes). */
  tokenLifetimeSeconds?: number;
  /** Time source in epoch ms; default `Date.now`, so vitest fake timers apply. */
  now?: () => number;
  /** Extra routes mounted over the built-in ones (same method and path replaces). */
  routes?: readonly Route[];
  /** Called when the mock itself fails (the caller got a 500); default logs to `console.error`. */
  onInternalError?: (error: unknown, request: Request) => void;
}

/** Request counters of a mock: how many were answered and how many were in flight at once. */
export interface JamfMockStats {
  readonly requests: number;
  readonly inFlight: number;
  /** Most requests in flight at the same time (Jamf asks clients to keep this ≤ 5). */
  readonly maxInFlight: number;
}

/** An in-process Jamf Pro: msw handlers over a shared, resettable state. */
export interface JamfMock {
  /** msw handlers, one per route (literal paths first) plus a final catch-all; list, filter or compose them. */
  readonly handlers: RequestHandler[];
  /** The current state; replaced by `reset()`. */
  readonly state: MockState;
  readonly faults: FaultRegistry;
  readonly clock: MockClock;
  readonly baseUrl: string;
  readonly stats: JamfMockStats;
  /** Errors the mock hit while answering (each answered with a 500); empty when all is well. */
  readonly internalErrors: readonly unknown[];
  /** Makes every issued token invalid at once. */
  expireTokens(): void;
  /** Fresh state, no faults, zeroed stats, and the clock back to its source (no `advance`). */
  reset(): void;
}

/** Default origin of the in-process mock. */
export const DEFAULT_BASE_URL = 'https://jamf.example.test';
/** Default lifetime of user tokens, in seconds. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 1200;

/**
 * Creates an in-process Jamf Pro mock. Use its `handlers` with msw's `setupServer` (or
 * `setupJamfMock` from `@jamf/mock-server/vitest`), or serve them with `startJamfMockServer`.
 * @example
 * const mock = createJamfMock({ accounts: [{ username: 'ci', password: 'secret', privileges: ['Read Computers'] }] });
 * const server = setupServer(...mock.handlers);
 */
export function createJamfMock(options: JamfMockOptions = {}): JamfMock {
  const baseUrl = new URL(options.baseUrl ?? DEFAULT_BASE_URL).origin;
  const clock = createMockClock(options.now);
  const faults = new FaultRegistry();
  const spec: OpenApiDocument = proSpec;
  const names = privilegeNames(spec);
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  const freshState = () =>
    createMockState(clock, {
      accounts: options.accounts,
      seed: options.seed,
      counts: options.counts,
    });
  let state = freshState();
  const internalErrors: unknown[] = [];
  const stats = { requests: 0, inFlight: 0, maxInFlight: 0 };
  const runtime: PipelineRuntime = {
    state: () => state,
    clock,
    faults,
    stats,
    onInternalError(error, request) {
      internalErrors.push(error);
      if (options.onInternalError) options.onInternalError(error, request);
      else
        console.error(
          `jamf-mock: internal error on ${request.method} ${new URL(request.url).pathname}`,
          error,
        );
    },
  };
  const routes: Route[] = [
    ...authRoutes({ tokenLifetimeSeconds, privilegeNames: names }),
    ...oauthRoutes(),
    ...apiRoleRoutes(names),
    ...privilegeRoutes(names),
    ...apiIntegrationRoutes(),
    ...inventoryProRoutes(),
    ...classicRoutes(),
    schemaRoute(spec),
    ...(options.routes ?? []),
  ];
  const table = buildRouteTable(spec, routes);
  // Every route handler reads the URL; parse it once per request, not once per handler.
  const parsedUrls = new WeakMap<Request, URL>();
  const parsedUrl = (request: Request): URL => {
    let url = parsedUrls.get(request);
    if (!url) {
      url = new URL(request.url);
      parsedUrls.set(request, url);
    }
    return url;
  };
  const handlers: RequestHandler[] = table.map((route) =>
    routeHandler(runtime, route, baseUrl, parsedUrl),
  );
  // Matched by origin, not the string `${baseUrl}/*`: msw decodes string paths with
  // path-to-regexp, which throws on a malformed escape such as `%ZZ` (msw then answers 500).
  handlers.push(
    new MatcherHandler(
      /.+/,
      `ALL ${baseUrl}/* (HEAD, OPTIONS, 404, 405)`,
      (request) => (parsedUrl(request).origin === baseUrl ? {} : undefined),
      (request) => fallback(runtime, table, request),
    ),
  );

  return {
    handlers,
    get state() {
      return state;
    },
    faults,
    clock: { now: clock.now, advance: clock.advance },
    baseUrl,
    stats,
    internalErrors,
    expireTokens: () => state.tokens.expireAll(),
    reset() {
      clock.reset();
      state = freshState();
      faults.clear();
      internalErrors.length = 0;
      stats.requests = 0;
      stats.maxInFlight = stats.inFlight;
    },
  };
}

/**
 * One msw handler per route, matched with the precompiled route template (msw would compile a
 * path pattern per handler per request) and shown as `METHOD https://…/api/v1/x/:id`.
 */
function routeHandler(
  runtime: PipelineRuntime,
  route: MountedRoute,
  baseUrl: string,
  parsedUrl: (request: Request) => URL,
): RequestHandler {
  return new MatcherHandler(
    route.method,
    `${route.method} ${baseUrl}${mswPath(route.template)}`,
    (request) => {
      const url = parsedUrl(request);
      return url.origin === baseUrl ? matchPath(route, url.pathname) : undefined;
    },
    (request) => runPipeline(runtime, route, request),
  );
}

/** Answers what no route handler took: HEAD via GET, OPTIONS, 405 and 404. */
async function fallback(
  runtime: PipelineRuntime,
  table: readonly MountedRoute[],
  request: Request,
): Promise<Response> {
  const { pathname } = new URL(request.url);
  const matching = table.filter((route) => matchPath(route, pathname));
  const method = request.method.toUpperCase();
  if (method === 'HEAD') {
    const get = matching.find((route) => route.method === 'GET');
    if (get) {
      const response = await runPipeline(runtime, get, request);
      if (response.type === 'error') return response;
      return new Response(null, { status: response.status, headers: response.headers });
    }
  }
  const faulted = await applyFault(runtime.faults.take(method, pathname));
  if (faulted) return faulted;
  const isClassic = pathname.startsWith('/JSSResource/');
  if (matching.length === 0) {
    if (isClassic)
      return classicError(404, 'The server has not found anything matching the request URI');
    return jamfError(404, 'NOT_FOUND', `No such endpoint: ${pathname}`);
  }
  const allow = [...new Set([...matching.map((route) => route.method), 'HEAD', 'OPTIONS'])].join(
    ', ',
  );
  if (method === 'OPTIONS') return new HttpResponse(null, { status: 204, headers: { allow } });
  if (isClassic) {
    const page = classicError(405, `${method} is not allowed here`);
    page.headers.set('allow', allow);
    return page;
  }
  return jamfError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${pathname}`, null, {
    allow,
  });
}
