import { isPreparedRequest, type PreparedRequest } from './prepared-request.js';
import { JamfServerUrlError } from './server-url-error.js';

/** The URL a `fetch` call names, if it can be read. */
function urlOf(input: Request | string | URL): URL | undefined {
  try {
    return new URL(input instanceof Request ? input.url : String(input));
  } catch {
    return undefined;
  }
}

/**
 * What a `Request` that could not be built throws: the platform's error, except for a URL holding
 * a user name or password, whose `TypeError` quotes the whole URL (the password with it): that
 * becomes a {@link JamfServerUrlError} (`INVALID_BASE_URL`) that does not repeat the address.
 */
function unbuildable(error: unknown, input: Request | string | URL): unknown {
  const url = urlOf(input);
  if (url === undefined || (url.username === '' && url.password === '')) return error;
  return new JamfServerUrlError(
    'INVALID_BASE_URL',
    'A request URL may not hold a user name or password: give credentials to the auth option instead',
  );
}

/**
 * The one `Request` the arguments of a `fetch` call describe: `input` itself when it is a
 * `Request` and no `init` changes it, else a new one; a {@link PreparedRequest} is built (with
 * `init.signal` when that is all `init` holds: one `Request`, not a copy). Use it in a `fetch`
 * wrapper that reads or sets headers; reusing the caller's `Request` saves a copy per call.
 * A URL with a user name or password throws {@link JamfServerUrlError}, never quoting it.
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
  if (input instanceof Request && init === undefined) return input;
  try {
    return new Request(input, init);
  } catch (error) {
    throw unbuildable(error, input);
  }
}
