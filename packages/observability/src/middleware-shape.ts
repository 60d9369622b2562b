/**
 * What the hooks of an openapi-fetch 0.17 middleware are told, reduced to the fields these layers
 * read; `@jamf/classic-api`'s middleware passes the same fields, so one object serves both clients.
 */
export interface ExchangeParams {
  request: Request;
  /** Unique per call within one client, shared by that call's hooks. */
  readonly id: string;
  /** The path template relative to the client's base URL, e.g. `/v1/computers-inventory/{id}`. */
  readonly schemaPath?: string;
  /** The client's options; `baseUrl` tells where `schemaPath` starts. */
  readonly options: { readonly baseUrl?: string };
}

/** An openapi-fetch 0.17 middleware (also a `@jamf/classic-api` middleware); pass it to `client.use(...)`. */
export interface ExchangeMiddleware {
  onRequest(params: ExchangeParams): Promise<Request | undefined>;
  onResponse(params: ExchangeParams & { response: Response }): Promise<Response | undefined>;
  onError(params: ExchangeParams & { error: unknown }): Promise<undefined>;
}

/**
 * The path template of a request as the server sees it: the base URL's path followed by the
 * client's template (`/api` + `/v1/computers-inventory/{id}`), or `undefined` when not known.
 */
export function routeOf(params: ExchangeParams): string | undefined {
  if (params.schemaPath === undefined || params.schemaPath === '') return undefined;
  let prefix = '';
  if (params.options.baseUrl !== undefined) {
    try {
      prefix = new URL(params.options.baseUrl).pathname.replace(/\/+$/, '');
    } catch {
      prefix = '';
    }
  }
  return `${prefix}${params.schemaPath.startsWith('/') ? '' : '/'}${params.schemaPath}`;
}
