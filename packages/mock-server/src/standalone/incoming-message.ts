import type { IncomingMessage } from 'node:http';
import type { HeaderReader, IncomingRequest } from '../http/incoming-request.js';

/**
 * The pipeline's view of a node:http request addressed as `url`. Headers are read from node's
 * parsed lists; the Fetch `Request` is built only when some code asks for it (a handler reading
 * the body, validation of a JSON body), and its body is then streamed from the socket as the
 * mock pulls (see {@link pulledFrom}).
 */
export function incomingFromMessage(
  req: IncomingMessage,
  method: string,
  url: URL,
): IncomingRequest {
  return new MessageRequest(req, method, url);
}

/**
 * A class rather than an object literal of closures: nothing is allocated per request beyond
 * the two objects (bench P4's profile of the token route counts every allocation).
 */
class MessageRequest implements IncomingRequest {
  readonly headers: HeaderReader;
  readonly #req: IncomingMessage;
  #request: Request | undefined;

  constructor(
    req: IncomingMessage,
    readonly method: string,
    readonly url: URL,
  ) {
    this.#req = req;
    this.headers = new RawHeaders(req.rawHeaders);
  }

  request(): Request {
    this.#request ??= fetchRequestOf(this.#req, this.method, this.url);
    return this.#request;
  }
}

/**
 * Header lookup straight from node's raw list (name, value, name, value, …): no object of every
 * header is built for the two or three a request is asked for. Repeated headers are joined by
 * `, ` in order, as Fetch's `Headers.get` does (node's own `headers` keeps only the first of some).
 */
class RawHeaders implements HeaderReader {
  readonly #raw: readonly string[];

  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    const wanted = name.toLowerCase();
    const raw = this.#raw;
    let value: string | null = null;
    for (let index = 0; index + 1 < raw.length; index += 2) {
      const key = raw[index]!;
      if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
      value = value === null ? raw[index + 1]! : `${value}, ${raw[index + 1]}`;
    }
    return value;
  }
}

function fetchRequestOf(req: IncomingMessage, method: string, url: URL): Request {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  // The body is streamed into the mock, never read here: a multi-GB package upload passes
  // through with constant memory, and the limit (413) is the mock's `maxBodyBytes`.
  // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 §6.3).
  const hasBody =
    method !== 'GET' &&
    method !== 'HEAD' &&
    (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined);
  return new Request(url, {
    method,
    headers,
    body: hasBody ? pulledFrom(req) : undefined,
    duplex: 'half',
  } as RequestInit);
}

/**
 * The request body as a web stream that reads from the socket only when the mock pulls, so a
 * fast client cannot fill memory ahead of a slower reader (backpressure end to end).
 */
function pulledFrom(req: IncomingMessage): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value as Buffer));
      },
      cancel() {
        // The mock stopped reading (a 404 or 413 answer): discard the rest, keep the socket.
        req.resume();
      },
    },
    { highWaterMark: 0 },
  );
}
