import {
  listSpecOperations,
  type OpenApiDocument,
  type SpecOperation,
} from '../spec/openapi-document.js';
import type { Route, RouteHandler } from './route.js';

/** A route ready to serve: a spec operation, an explicit handler, or both. */
export interface MountedRoute {
  /** Upper-case method. */
  method: string;
  /** Template from the server root, e.g. `/api/v1/api-roles/{id}` or `/JSSResource/computers/id/{id}`. */
  template: string;
  segments: readonly string[];
  operation: SpecOperation | undefined;
  /** The explicit handler; undefined means the spec responder answers. */
  handle: RouteHandler | undefined;
  isPublic: boolean;
  validatesItself: boolean;
  /** Classic routes authenticate with Basic too and fail with HTML pages. */
  isClassic: boolean;
}

/** Where a route's path lives from the server root: Pro templates are relative to `/api`. */
export function rootTemplate(path: string): string {
  return /^\/(JSSResource|uapi)(\/|$)/.test(path) ? path : `/api${path}`;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/**
 * Mounts every spec operation plus the explicit routes (an explicit route replaces the spec
 * responder for its operation), ordered so literal segments win over `{param}` ones.
 */
export function buildRouteTable(spec: OpenApiDocument, routes: readonly Route[]): MountedRoute[] {
  const table = new Map<string, MountedRoute>();
  for (const operation of listSpecOperations(spec)) {
    const template = rootTemplate(operation.path);
    const method = operation.method.toUpperCase();
    table.set(`${method} ${template}`, {
      method,
      template,
      segments: splitPath(template),
      operation,
      handle: undefined,
      isPublic: operation.isPublic,
      validatesItself: false,
      isClassic: false,
    });
  }
  for (const route of routes) {
    const template = rootTemplate(route.path);
    const method = route.method.toUpperCase();
    const key = `${method} ${template}`;
    const operation = table.get(key)?.operation;
    table.set(key, {
      method,
      template,
      segments: splitPath(template),
      operation,
      handle: route.handle,
      isPublic: route.isPublic ?? operation?.isPublic ?? false,
      validatesItself: route.validatesItself ?? false,
      isClassic: template.startsWith('/JSSResource/'),
    });
  }
  return [...table.values()].sort(compareRoutes);
}

/** Literal segments sort before `{param}` ones at the first place two templates differ. */
function compareRoutes(left: MountedRoute, right: MountedRoute): number {
  const length = Math.min(left.segments.length, right.segments.length);
  for (let index = 0; index < length; index++) {
    const a = left.segments[index]!;
    const b = right.segments[index]!;
    if (a === b) continue;
    const paramOrder = Number(isParam(a)) - Number(isParam(b));
    if (paramOrder !== 0) return paramOrder;
    return a < b ? -1 : 1;
  }
  return (
    left.segments.length - right.segments.length ||
    (left.method < right.method ? -1 : left.method > right.method ? 1 : 0)
  );
}

/** The decoded path parameters when `pathname` fits the route's template (a trailing slash is fine). */
export function matchPath(
  route: MountedRoute,
  pathname: string,
): Record<string, string> | undefined {
  const segments = splitPath(pathname);
  if (segments.length !== route.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const pattern = route.segments[index]!;
    const actual = segments[index]!;
    if (isParam(pattern)) {
      let value: string;
      try {
        value = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
      params[pattern.slice(1, -1)] = value;
    } else if (pattern !== actual) {
      return undefined;
    }
  }
  return params;
}

/** The template in msw's syntax (`:param`), for a readable handler header. */
export function mswPath(template: string): string {
  return template.replace(/\{([^}]*)\}/g, (_, name: string) => `:${name.replace(/\W/g, '_')}`);
}

/** A template with the request's path parameters filled in (`/v1/buildings/3/history`). */
export function concretePath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? '');
}
