import type { SpecOperation } from '../spec/openapi-document.js';
import type { MockClock } from '../state/clock.js';
import type { MockState } from '../state/mock-state.js';
import type { Principal } from '../state/principal.js';
import type { HeaderReader } from './incoming-request.js';

/** Everything a route handler may read about the request it answers. */
export interface RouteContext {
  /** The Fetch request, built when first read (reading it is what costs; prefer `headers`). */
  request: Request;
  url: URL;
  /** The request's headers, readable without building `request`. */
  headers: HeaderReader;
  /** Path parameters by the names of the route's template, decoded. */
  params: Record<string, string>;
  /** Shared state: the Pro and Classic views read and write the same stores. */
  state: MockState;
  /** Who called, after authentication; undefined only on routes that need no authentication. */
  principal: Principal | undefined;
  clock: MockClock;
  /** The matched spec operation (Pro routes only). */
  operation?: SpecOperation;
  /** Largest request body accepted, in bytes; a handler reading a stream stops above it (413). */
  maxBodyBytes: number;
}

/** Answers one request; never throws for bad input (return a Jamf-shaped 4xx instead). */
export type RouteHandler = (ctx: RouteContext) => Response | Promise<Response>;

/**
 * An explicit route. Pro routes use the spec's template relative to `/api`
 * (`/v1/api-roles/{id}`); Classic routes start with `/JSSResource/`; legacy routes start with
 * `/uapi/`. Both of the latter are relative to the server root.
 */
export interface Route {
  /** Upper- or lower-case HTTP method. */
  method: string;
  path: string;
  handle: RouteHandler;
  /**
   * True for a route that takes no token (token endpoints). Unset: as its spec operation says
   * (`x-authentication-required: false`), else a token is required.
   */
  isPublic?: boolean;
  /**
   * True when the handler checks its own input, so the spec-based request validation is skipped
   * (the OAuth token endpoints answer RFC 6749 errors, not Jamf's).
   */
  validatesItself?: boolean;
}
