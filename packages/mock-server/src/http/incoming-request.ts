/** Header lookup with Fetch's rules: names in any case, repeated values joined by `, `. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * A request as the pipeline reads it: method, parsed URL and headers, with the Fetch `Request`
 * (and its body stream) built only for the code that needs it. Building a `Request` per request
 * (headers copied, an AbortSignal, a body stream even for an empty chunked POST, the URL parsed
 * again) was the largest cost of a token request in the standalone server after writing the
 * answer (bench P4's profile); most routes never read the body. Both the msw handlers and the
 * standalone server hand the same pipeline one of these.
 */
export interface IncomingRequest {
  /** Upper-case method. */
  readonly method: string;
  /** The full URL, parsed once. */
  readonly url: URL;
  readonly headers: HeaderReader;
  /** The request as a Fetch `Request`, built on the first call and the same object afterwards. */
  request(): Request;
}

/** The pipeline's view of a Fetch `Request` (msw's in-process path); `url` when already parsed. */
export function incomingFromRequest(request: Request, url = new URL(request.url)): IncomingRequest {
  return {
    method: request.method.toUpperCase(),
    url,
    headers: request.headers,
    request: () => request,
  };
}
