import { HttpHandler, type HttpHandlerMethod } from 'msw';

/** What `run` gives msw for a request that is not this handler's: settled once, shared. */
const NOT_MINE = Promise.resolve(null);

/** Decides whether a request is for this handler, and with which path parameters. */
export type RequestMatcher = (request: Request) => Record<string, string> | undefined;

/**
 * An msw HTTP handler matched by a plain function. msw's own handlers parse the request's
 * cookies in every handler for every request; with one handler per Jamf operation (~900) that
 * dominated the mock's cost (~8 ms per request), so this one skips them (~1.5 ms). It is an
 * ordinary `HttpHandler` otherwise: list it, filter it, `server.use` in front of it.
 */
export class MatcherHandler extends HttpHandler {
  readonly #matcher: RequestMatcher;

  constructor(
    method: HttpHandlerMethod,
    header: string,
    matcher: RequestMatcher,
    respond: (request: Request) => Promise<Response> | Response,
  ) {
    super(
      method,
      () => false,
      ({ request }) => respond(request),
    );
    this.#matcher = matcher;
    this.info.header = header;
    // msw clones every request it runs a handler for, so that logging can read the body again.
    // A clone tees the body: while the handler reads one branch, the other queues every byte,
    // so a multi-GB package upload would sit in memory. Bodies that may be large (streamed, or
    // declared above 1 MiB) are therefore not cloned; lifecycle listeners see the request itself.
    const handler = this as unknown as { cloneRequestOrGetFromCache(request: Request): Request };
    const cloneOf = handler.cloneRequestOrGetFromCache.bind(this);
    handler.cloneRequestOrGetFromCache = (request) =>
      mayBeLarge(request) ? request : cloneOf(request);
  }

  /**
   * msw offers a request to each handler in turn, and its `run` awaits `parse` and then
   * `predicate` before giving up: two promise turns per handler that is not the one, about
   * 0.5 µs each with ~1,200 handlers in front of the last routes. A request this handler does
   * not match is turned away at once; the matching handler runs as msw runs it.
   */
  override run(args: Parameters<HttpHandler['run']>[0]): ReturnType<HttpHandler['run']> {
    if (this.#matcher(args.request) === undefined) return NOT_MINE;
    return super.run(args);
  }

  override async parse(args: { request: Request }) {
    const params = this.#matcher(args.request);
    return {
      match: params ? { matches: true, params } : { matches: false, params: {} },
      cookies: {},
    };
  }
}

const LARGE_BODY_BYTES = 1024 * 1024;

/** True for a body of unknown length or one declared above 1 MiB. */
function mayBeLarge(request: Request): boolean {
  if (request.body === null) return false;
  const declared = request.headers.get('content-length');
  return declared === null || Number(declared) > LARGE_BODY_BYTES;
}
