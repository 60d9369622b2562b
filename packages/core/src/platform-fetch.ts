import type { FetchLike } from './fetch-like.js';
import { isPreparedRequest } from './prepared-request.js';

/**
 * The platform's `fetch`, looked up at each call, so one patched after a client was made (msw)
 * still applies. It builds a {@link PreparedRequest} from its URL and init (the signal in `init`,
 * if any, in place of the caller's): the one `Request` the call makes. Give it to
 * {@link withTimeout} as the client's transport: on Node it times calls without a signal.
 */
export const platformFetch: FetchLike = (input, init) =>
  isPreparedRequest(input)
    ? globalThis.fetch(input.url, input.init(init?.signal ?? undefined))
    : globalThis.fetch(input, init);
