import { type Middleware, MiddlewareError, runMiddleware, TimedRequest } from '@jamf/core';
import { errorFromPage } from './error-page.js';
import { ClassicApiError } from './errors.js';
import { classicResourceTable } from './generated/resources.js';
import type {
  ClassicMethod,
  ClassicOperation,
  ClassicPath,
  ClassicRequestOptions,
  ClassicResponseData,
} from './request-types.js';
import { parseClassicXml, toClassicXml } from './xml-codec.js';

/** The low-level call every typed method goes through. */
export type ClassicRequest = <M extends ClassicMethod, P extends ClassicPath<M>>(
  method: M,
  path: P,
  ...options: Record<never, never> extends ClassicRequestOptions<ClassicOperation<M, P>>
    ? [options?: ClassicRequestOptions<ClassicOperation<M, P>>]
    : [options: ClassicRequestOptions<ClassicOperation<M, P>>]
) => Promise<ClassicResponseData<ClassicOperation<M, P>>>;

/** What `createRequest` needs from the client. */
export interface RequestContext {
  baseUrl: string;
  fetch: typeof fetch;
  middleware: readonly Middleware[];
  headers: Headers;
}

interface LooseOptions {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  root?: string;
  headers?: HeadersInit;
}

/** Root element for the object paths of the resource table (`/computers/id/{id}` → `computer`). */
const rootByPath = new Map<string, string>(
  Object.values(classicResourceTable).flatMap((resource) => {
    const paths: string[] = Object.values(resource.lookups).map((lookup) => lookup.path);
    if ('singleton' in resource) paths.push(resource.singleton.path);
    return paths.map((path) => [path, resource.root] as const);
  }),
);

/** Builds `classic.request` over one client's fetch, middleware and base URL. */
export function createRequest(context: RequestContext): ClassicRequest {
  let calls = 0;
  const request = async (method: ClassicMethod, path: string, options: LooseOptions = {}) => {
    if (typeof method !== 'string' || typeof path !== 'string' || !path.startsWith('/')) {
      throw new ClassicApiError(
        'INVALID_REQUEST',
        "classic.request needs a method and a path such as ('GET', '/computers')",
      );
    }
    const url = new URL(`${context.baseUrl}${fillPath(path, options.params?.path ?? {})}`);
    for (const [name, value] of Object.entries(options.params?.query ?? {})) {
      if (value === undefined) continue;
      if (typeof value === 'object' && !Array.isArray(value)) {
        // Written as `[object Object]`, which no server reads.
        throw new ClassicApiError(
          'INVALID_REQUEST',
          `Query parameter "${name}" for ${path} is an object, not a value`,
          { method, path },
        );
      }
      url.searchParams.set(name, String(value));
    }
    const headers = new Headers(context.headers);
    for (const [name, value] of checkedHeaders(options.headers, `${method} ${path}`)) {
      headers.set(name, value);
    }
    let body: string | FormData | undefined;
    if (options.body instanceof FormData) {
      // A file upload: the platform writes the multipart content type with its boundary, and
      // re-reads the form on a retry or the replay after a 401.
      body = options.body;
      headers.delete('content-type');
    } else if (options.body !== undefined) {
      const root = options.root ?? rootByPath.get(path);
      if (typeof options.body === 'string') body = options.body;
      else if (root !== undefined) body = toClassicXml(root, options.body);
      else {
        throw new ClassicApiError(
          'UNKNOWN_RESOURCE',
          `No root element is known for ${path}; pass { root }`,
          {
            method,
            path,
          },
        );
      }
      headers.set('content-type', 'application/xml');
    }
    if (!headers.has('accept'))
      headers.set('accept', method === 'GET' ? 'application/json' : 'application/xml');
    calls += 1;
    // The client's own request: its timeout need not listen to a signal nothing can abort, and
    // its `auth` signs it in place instead of copying it.
    const outgoing = new TimedRequest(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    let response: Response;
    try {
      response = await runMiddleware(outgoing, context.middleware, {
        id: String(calls),
        schemaPath: path,
        params: { path: options.params?.path ?? {}, query: options.params?.query ?? {} },
        options: { baseUrl: context.baseUrl, fetch: context.fetch },
      });
    } catch (cause) {
      if (cause instanceof ClassicApiError || cause instanceof MiddlewareError) throw cause;
      throw new ClassicApiError('NETWORK_ERROR', `${method} ${path} got no answer`, {
        cause,
        method,
        path,
      });
    }
    if (!isResponse(response)) {
      // A `fetch` option or middleware that resolved with something else: no answer to read.
      throw new ClassicApiError(
        'NETWORK_ERROR',
        `${method} ${path}: fetch resolved with ${response === null ? 'null' : typeof response}, not a Response`,
        { method, path },
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      // The connection closed mid-body, or the body stream failed: an answer cut off is no answer.
      throw new ClassicApiError('NETWORK_ERROR', `${method} ${path}: the answer was cut off`, {
        cause,
        method,
        path,
        status: response.status,
      });
    }
    if (!response.ok) throw errorFromPage(response.status, text, { method, path });
    return parseBody(text, response, { method, path });
  };
  return request as ClassicRequest;
}

/**
 * Headers as the platform reads them, with its refusal as `INVALID_REQUEST`: the platform's
 * `TypeError` quotes the refused value, which may be a credential (`authorization`).
 */
export function checkedHeaders(init: HeadersInit | undefined, what: string): Headers {
  try {
    return new Headers(init);
  } catch {
    throw new ClassicApiError(
      'INVALID_REQUEST',
      `${what}: headers must be name/value strings valid in HTTP (no CR, LF or NUL in a value)`,
      { cause: new Error('invalid headers (the value is not repeated here)') },
    );
  }
}

/** A `Response`, or one from another realm or polyfill: what `parseBody` reads. */
function isResponse(value: unknown): value is Response {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Response).text === 'function' &&
    typeof (value as Response).status === 'number' &&
    typeof (value as Response).headers?.get === 'function'
  );
}

function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      throw new ClassicApiError(
        'INVALID_REQUEST',
        `Missing path parameter "${name}" for ${template}`,
        { path: template },
      );
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new ClassicApiError(
        'INVALID_REQUEST',
        `Path parameter "${name}" for ${template} is not a finite number`,
        { path: template },
      );
    }
    // Commas may stay literal in a path segment, and Jamf lists ids with them (`/id/13,14,15`).
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
    if (text === '.' || text === '..') {
      // A dot segment, encoded or not, is resolved away by every URL parser: `name/..` would
      // become the resource's list (`DELETE /computers/`), not the object named "..".
      throw new ClassicApiError(
        'INVALID_REQUEST',
        `Path parameter "${name}" for ${template} cannot be "${text}" (a URL dot segment)`,
        { path: template },
      );
    }
    return encodeURIComponent(text).replaceAll('%2C', ',');
  });
}

function parseBody(
  text: string,
  response: Response,
  request: { method: string; path: string },
): unknown {
  if (text.trim() === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  const looksJson = /json/i.test(type) || (!/xml|html/i.test(type) && /^\s*[{[]/.test(text));
  try {
    if (looksJson) return JSON.parse(text) as unknown;
    if (/xml/i.test(type) || text.trimStart().startsWith('<')) {
      const { root, value } = parseClassicXml(text);
      return request.method === 'GET' ? { [root]: value } : value;
    }
  } catch (cause) {
    throw new ClassicApiError(
      'INVALID_RESPONSE',
      `${request.method} ${request.path} answered ${response.status} with a body that cannot be parsed`,
      { cause, status: response.status, ...request, body: text.slice(0, 2000) },
    );
  }
  return text;
}
