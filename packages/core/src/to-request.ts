import { isPreparedRequest, type PreparedRequest } from './prepared-request.js';

/**
 * The one `Request` the arguments of a `fetch` call describe: `input` itself when it is a
 * `Request` and no `init` changes it, else a new one; a {@link PreparedRequest} is built (with
 * `init.signal` when that is all `init` holds: one `Request`, not a copy). Use it in a `fetch`
 * wrapper that reads or sets headers; reusing the caller's `Request` saves a copy per call.
 */
export function toRequest(
  input: Request | PreparedRequest | string | URL,
  init?: RequestInit,
): Request {
  if (isPreparedRequest(input)) {
    if (init === undefined) return input.toRequest();
    const { signal, ...rest } = init;
    if (Object.keys(rest).length === 0) return input.toRequest(signal ?? undefined);
    return new Request(input.toRequest(), init);
  }
  return input instanceof Request && init === undefined ? input : new Request(input, init);
}
