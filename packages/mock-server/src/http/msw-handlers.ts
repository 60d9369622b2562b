import { HttpResponse, type RequestHandler } from 'msw';
import { jamfError } from '../spec/jamf-error.js';
import { classicError } from './classic/index.js';
import { type IncomingRequest, incomingFromRequest } from './incoming-request.js';
import { MatcherHandler } from './matcher-handler.js';
import {
  applyFault,
  type PipelineAnswer,
  type PipelineRuntime,
  runPipeline,
  thenAnswer,
} from './pipeline.js';
import { withTextBody } from './responses/text-body.js';
import { RouteTrie } from './route-trie.js';
import { type MountedRoute, matchPath, mswPath } from './router.js';

/**
 * Answers a request addressed to the mock's origin without going through msw: a Response at once
 * when nothing had to be awaited (see `runPipeline`). A JSON answer may come without a body
 * stream, its text beside it (`knownBodyOf`): the caller writes it out.
 */
export type DirectResponder = (incoming: IncomingRequest) => PipelineAnswer;

/** The direct responder of each handler list {@link mswHandlers} built, and its length then. */
const directResponders = new WeakMap<
  readonly RequestHandler[],
  { respond: DirectResponder; length: number }
>();

/**
 * The answers msw would give from `handlers` (a list {@link mswHandlers} returned, as long as
 * nothing was added or removed), found through a route trie instead of offering the request to
 * each of ~1,000 handlers in turn: msw's handler loop (an async `run` per handler) and the linear
 * route scan were most of the standalone mock's CPU for a token request (bench P4's profile).
 * Undefined for any other list; then msw must decide.
 */
export function directResponderOf(
  handlers: readonly RequestHandler[],
): DirectResponder | undefined {
  const entry = directResponders.get(handlers);
  return entry !== undefined && entry.length === handlers.length ? entry.respond : undefined;
}

/**
 * The msw handlers of a route table: one per route (literal paths first), then a catch-all for
 * HEAD, OPTIONS, 404 and 405 on `baseUrl`. Used once per mock, when it is created.
 */
export function mswHandlers(
  runtime: PipelineRuntime,
  table: readonly MountedRoute[],
  baseUrl: string,
): RequestHandler[] {
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
      (request) =>
        fallback(runtime, table, incomingFromRequest(request, parsedUrl(request))).then(
          withTextBody,
        ),
    ),
  );
  const trie = new RouteTrie(table);
  const respond: DirectResponder = (incoming) => {
    const route = trie.find(incoming.method, incoming.url.pathname);
    return route === undefined
      ? fallback(runtime, table, incoming)
      : runPipeline(runtime, route, incoming);
  };
  directResponders.set(handlers, { respond, length: handlers.length });
  return handlers;
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
      // The method first: it turns away most handlers without reading the path. msw compares
      // methods case-insensitively (fetch leaves `patch` in lower case).
      if (request.method !== route.method && request.method.toUpperCase() !== route.method) {
        return undefined;
      }
      const url = parsedUrl(request);
      return url.origin === baseUrl ? matchPath(route, url.pathname) : undefined;
    },
    (request) =>
      thenAnswer(
        runPipeline(runtime, route, incomingFromRequest(request, parsedUrl(request))),
        withTextBody,
      ),
  );
}

/** Answers what no route handler took: HEAD via GET, OPTIONS, 405 and 404. */
async function fallback(
  runtime: PipelineRuntime,
  table: readonly MountedRoute[],
  incoming: IncomingRequest,
): Promise<Response> {
  const { method } = incoming;
  const { pathname } = incoming.url;
  const matching = table.filter((route) => matchPath(route, pathname));
  if (method === 'HEAD') {
    const get = matching.find((route) => route.method === 'GET');
    if (get) {
      const response = await runPipeline(runtime, get, incoming);
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
