/**
 * The one `Request` the arguments of a `fetch` call describe: `input` itself when it is a
 * `Request` and no `init` changes it, else a new one. Use it in a `fetch` wrapper that reads or
 * sets headers; reusing the caller's `Request` saves a copy per call.
 */
export function toRequest(input: Request | string | URL, init?: RequestInit): Request {
  return input instanceof Request && init === undefined ? input : new Request(input, init);
}
