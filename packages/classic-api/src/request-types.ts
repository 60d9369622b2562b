import type { paths } from './generated/openapi.js';

/** HTTP methods of the Classic API. */
export type ClassicMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Every swagger path (relative to `/JSSResource`) that answers `M`. */
export type ClassicPath<M extends ClassicMethod> = {
  [P in keyof paths]: [NonNullable<paths[P][Lowercase<M>]>] extends [never] ? never : P;
}[keyof paths];

/** The generated operation of `M` on `P`. */
export type ClassicOperation<M extends ClassicMethod, P extends ClassicPath<M>> = NonNullable<
  paths[P][Lowercase<M>]
>;

type PathParamsOf<Op> = Op extends { parameters: { path: infer X } } ? X : never;
type QueryParamsOf<Op> = Op extends { parameters: { query?: infer X } }
  ? Exclude<X, undefined>
  : never;
type BodyOf<Op> = Op extends { requestBody?: infer RequestBody }
  ? [NonNullable<RequestBody>] extends [never]
    ? never
    : NonNullable<RequestBody> extends { content: { 'application/xml': infer B } }
      ? B
      : never
  : never;

type ParamsOption<Op> = ([PathParamsOf<Op>] extends [never]
  ? unknown
  : { path: PathParamsOf<Op> }) &
  ([QueryParamsOf<Op>] extends [never] ? unknown : { query?: QueryParamsOf<Op> });

/**
 * Options of `classic.request(method, path, …)`: typed path and query parameters, and for
 * writes the object to send (serialised to XML) or XML text.
 */
export type ClassicRequestOptions<Op> = ([PathParamsOf<Op>] extends [never]
  ? { params?: ParamsOption<Op> }
  : { params: ParamsOption<Op> }) &
  ([BodyOf<Op>] extends [never] ? { body?: string } : { body: BodyOf<Op> | string }) & {
    /** Root element for an object `body` on a path the resource table does not know. */
    root?: string;
    /** Extra headers for this call. */
    headers?: HeadersInit;
  };

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
type XmlOf<R> = R extends { content: { 'application/xml': infer X } } ? X : undefined;

/**
 * What `classic.request` resolves to: the JSON body of a typed read (root element included),
 * `{ id }` from the 201 of a typed write, else the parsed body as `unknown`.
 */
export type ClassicResponseData<Op> = Op extends { responses: infer R }
  ? R extends { 201: infer Created }
    ? XmlOf<Created>
    : R extends { 200: infer Ok }
      ? [JsonOf<Ok>] extends [undefined]
        ? unknown
        : JsonOf<Ok>
      : unknown
  : unknown;
