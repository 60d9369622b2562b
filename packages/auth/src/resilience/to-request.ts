/** Turns the arguments of a `fetch` call into one `Request`, as the fetch-wrapper forms need. */
export function toRequest(input: Request | string | URL, init?: RequestInit): Request {
  return input instanceof Request && init === undefined ? input : new Request(input, init);
}
