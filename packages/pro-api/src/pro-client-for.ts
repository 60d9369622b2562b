import type { Client, FetchResponse, MaybeOptionalInit, ParseAs } from 'openapi-fetch';
import type { HttpMethod, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import type { answerParseAsTable } from './generated/media-types.js';
import type { CheckedPath } from './suggested-paths.js';

/** The key of a client's paths type; it exists in types only, never on the object. */
declare const clientPaths: unique symbol;

type PathItemOf<Paths, Url> = Url extends keyof Paths ? Paths[Url] : never;
type InitOf<Item, Method extends HttpMethod> = Method extends keyof Item
  ? MaybeOptionalInit<Item, Method>
  : never;
type OperationOf<Item, Method extends HttpMethod> = Item extends {
  [M in Method]: infer Operation extends Record<string | number, unknown>;
}
  ? Operation
  : never;
// openapi-fetch applies this rule to its second argument but does not export it: the init is
// optional when nothing in it is required, and accepts openapi-fetch's extra fetch options.
type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];

type AnswerParseAs = typeof answerParseAsTable;
/**
 * A call's options as the client completes them: an operation whose answers are not JSON is
 * read as the generated table says (`parseAs: 'blob'` for a file) unless the call says how.
 */
type WithDeclaredParseAs<Init, Url, Method> = Init extends { parseAs: ParseAs }
  ? Init
  : Url extends keyof AnswerParseAs
    ? Method extends keyof AnswerParseAs[Url]
      ? Init & { parseAs: AnswerParseAs[Url][Method] }
      : Init
    : Init;

/**
 * One HTTP method of a {@link ProClientFor}: openapi-fetch's call signature, except that a path
 * the API does not have (for this method) is an error naming the closest real paths, and the
 * answer of an operation that answers files or text is typed as the client reads it (`Blob`,
 * `string`).
 */
export type CheckedMethod<Paths extends {}, Method extends HttpMethod> = <
  Url extends string,
  Init extends InitOf<PathItemOf<Paths, Url>, Method>,
>(
  url: CheckedPath<Url, PathsWithMethod<Paths, Method> & string>,
  ...init: InitParam<Init>
) => Promise<
  FetchResponse<
    OperationOf<PathItemOf<Paths, Url>, Method>,
    WithDeclaredParseAs<Init, Url, Method>,
    'application/json'
  >
>;

/**
 * The paths a client is typed over, read by `paginate` without comparing whole client types
 * (which costs a consumer's `tsc` about 150k type instantiations). Every client this package
 * creates has it.
 */
export interface TypedOver<Paths> {
  /** Types only: the client's paths. Never present at run time. */
  readonly [clientPaths]?: Paths;
}

/**
 * An openapi-fetch client typed over `Paths` (all of the Jamf Pro API, or one area): `GET`,
 * `POST`, `PUT`, `PATCH`, `DELETE` … as in openapi-fetch, where an unknown path is a compile
 * error naming the closest real paths, plus `request`, `use` and `eject`.
 */
export interface ProClientFor<Paths extends {}>
  extends TypedOver<Paths>,
    Pick<Client<Paths, 'application/json'>, 'request' | 'use' | 'eject'> {
  /** Calls a GET endpoint. */
  GET: CheckedMethod<Paths, 'get'>;
  /** Calls a PUT endpoint. */
  PUT: CheckedMethod<Paths, 'put'>;
  /** Calls a POST endpoint. */
  POST: CheckedMethod<Paths, 'post'>;
  /** Calls a DELETE endpoint. */
  DELETE: CheckedMethod<Paths, 'delete'>;
  /** Calls an OPTIONS endpoint. */
  OPTIONS: CheckedMethod<Paths, 'options'>;
  /** Calls a HEAD endpoint. */
  HEAD: CheckedMethod<Paths, 'head'>;
  /** Calls a PATCH endpoint. */
  PATCH: CheckedMethod<Paths, 'patch'>;
  /** Calls a TRACE endpoint. */
  TRACE: CheckedMethod<Paths, 'trace'>;
}
