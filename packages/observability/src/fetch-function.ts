/** A `fetch` as the layers of this package take and return it. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The Request a `fetch` call describes, without copying one that is already a Request. */
export function toRequest(input: RequestInfo | URL, init?: RequestInit): Request {
  return input instanceof Request && init === undefined ? input : new Request(input, init);
}
