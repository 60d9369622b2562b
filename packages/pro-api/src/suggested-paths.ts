/**
 * The known paths that share the longest prefix with `Url` (at least the leading `/`): the
 * suggestions a misspelt path's error names. Walks `Url` one character at a time and stops at the
 * first character no known path continues with.
 */
type LongestPrefixMatches<
  Url extends string,
  Known extends string,
  Matched extends string = '',
> = Url extends `${infer Next}${infer Rest}`
  ? [Extract<Known, `${Matched}${Next}${string}`>] extends [never]
    ? Extract<Known, `${Matched}${string}`>
    : LongestPrefixMatches<Rest, Known, `${Matched}${Next}`>
  : Extract<Known, `${Matched}${string}`>;

/** The same resource under another version or root: `/v2/api-roles` → `/v1/api-roles`. */
type SameResourceElsewhere<
  Url extends string,
  Known extends string,
> = Url extends `/${string}/${infer Resource}` ? Extract<Known, `/${string}/${Resource}`> : never;

/**
 * The known paths a user most likely meant by an unknown `Url`: the same resource under another
 * version, and the paths sharing the longest prefix with it.
 */
export type SuggestedPaths<Url extends string, Known extends string> = Url extends string
  ? // A conditional rather than a plain union, so the compiler prints the paths, not this name.
    SameResourceElsewhere<Url, Known> | LongestPrefixMatches<Url, Known>
  : never;

/**
 * The type a typed call's path parameter takes: the path itself when `Known` has it, else the
 * union of {@link SuggestedPaths}, so the compiler's "not assignable" error lists the real paths
 * closest to the misspelt one (instead of failing deep inside the request types). `NoInfer` keeps
 * inference out of the suggestions, so a correct call never makes `tsc` build them.
 */
export type CheckedPath<Url extends string, Known extends string> = [Url] extends [Known]
  ? Url
  : NoInfer<SuggestedPaths<Url, Known>>;
