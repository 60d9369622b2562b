import type { Attributes } from '@opentelemetry/api';

/**
 * Attributes of an HTTP client span, named as OpenTelemetry's stable HTTP semantic conventions
 * name them. The query string is left out of `url.full`: it is not needed to find a call, and
 * keeping it out means no filter value lands in a trace store.
 */
export function requestAttributes(request: Request, route: string | undefined): Attributes {
  const url = new URL(request.url);
  const attributes: Attributes = {
    'http.request.method': request.method,
    'server.address': url.hostname.replace(/^\[|\]$/g, ''),
    'server.port': url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
    'url.full': `${url.origin}${url.pathname}`,
    'url.scheme': url.protocol.slice(0, -1),
  };
  if (route !== undefined) attributes['url.template'] = route;
  return attributes;
}

/** `error.type` for a failed call: the error's `code`, else its class name. */
export function errorType(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : error.name;
  }
  return '_OTHER';
}

/** The span name the conventions ask for: `{method} {url.template}`, or the method alone. */
export function spanName(method: string, route: string | undefined): string {
  return route === undefined ? method : `${method} ${route}`;
}
