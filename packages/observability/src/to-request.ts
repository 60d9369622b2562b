/** The Request a `fetch` call describes, without copying one that is already a Request. */
export function toRequest(input: Request | string | URL, init?: RequestInit): Request {
  return input instanceof Request && init === undefined ? input : new Request(input, init);
}
