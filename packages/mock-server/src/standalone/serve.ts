import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { directResponderOf } from '../http/msw-handlers.js';
import { knownTextOf } from '../http/responses/text-body.js';
import { createJamfMock, type JamfMock, type JamfMockOptions } from '../mock.js';

/** Options of {@link startJamfMockServer}: the mock's own plus where to listen. */
export interface JamfMockServerOptions extends Omit<JamfMockOptions, 'baseUrl'> {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Receives one line per request (method, path, status, ms); never a query, header or body. */
  log?: (line: string) => void;
}

/** A running standalone mock. */
export interface JamfMockServer {
  /** `http://HOST:PORT`, where clients reach it. */
  readonly url: string;
  readonly port: number;
  readonly mock: JamfMock;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

/** Internal origin the handlers are bound to; requests are re-addressed to it. */
const INTERNAL_ORIGIN = 'http://jamf-mock.internal';

/**
 * Serves a Jamf mock over `node:http` (the same msw handlers as in-process), for clients in any
 * language. Resolves once listening.
 * @example
 * const server = await startJamfMockServer({ port: 0 });
 * console.log(server.url); // http://127.0.0.1:54321
 * await server.close();
 */
export async function startJamfMockServer(
  options: JamfMockServerOptions = {},
): Promise<JamfMockServer> {
  const { port = 0, host = '127.0.0.1', log, ...mockOptions } = options;
  const mock = createJamfMock({ ...mockOptions, baseUrl: INTERNAL_ORIGIN });
  let listeningUrl = INTERNAL_ORIGIN;
  const server = createServer((req, res) => {
    const started = performance.now();
    answer(mock, req, res, listeningUrl)
      .catch((error: unknown) => {
        console.error('jamf-mock-server: failed to answer', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end();
      })
      .finally(() => {
        const path = (req.url ?? '/').split('?')[0];
        const status = res.headersSent ? res.statusCode : 0;
        log?.(
          `${req.method} ${path} ${status || 'dropped'} ${(performance.now() - started).toFixed(1)}ms`,
        );
      });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const displayHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  listeningUrl = `http://${displayHost}:${address.port}`;
  // JSSStartup names the URL clients reach, not the internal origin the handlers are bound to.
  mock.webhooks.startup(listeningUrl);
  return {
    url: listeningUrl,
    port: address.port,
    mock,
    close: async () => {
      // JSSShutdown goes out first; its deliveries are bounded by their timeouts.
      await mock.webhooks.shutdown();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

async function answer(
  mock: JamfMock,
  req: IncomingMessage,
  res: ServerResponse,
  listeningUrl: string,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  // The body is streamed into the mock, never read here: a multi-GB package upload passes
  // through with constant memory, and the limit (413) is the mock's `maxBodyBytes`.
  // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 §6.3):
  // no stream for it (a token POST has none; the stream was a measurable share of its CPU).
  const hasBody =
    method !== 'GET' &&
    method !== 'HEAD' &&
    (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined);
  const respond = directResponderOf(mock.handlers);
  // The direct responder routes by path alone, so the request keeps the origin the client
  // reached and every URL the mock writes (a create's href) names it; msw matches by origin, so
  // a handler list changed since creation still gets the internal one.
  const origin = respond === undefined ? INTERNAL_ORIGIN : (reachedOrigin(req) ?? listeningUrl);
  let request: Request;
  try {
    request = new Request(new URL(req.url ?? '/', origin), {
      method,
      headers,
      body: hasBody ? pulledFrom(req) : undefined,
      duplex: 'half',
    } as RequestInit);
  } catch {
    // Fetch refuses some methods Node parses (TRACE): Jamf does not serve them either.
    res.writeHead(405, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify(jamfErrorBody(405, 'METHOD_NOT_ALLOWED', `${method} is not supported`)));
    return;
  }
  const response =
    respond === undefined ? await getResponse(mock.handlers, request) : await respond(request);
  if (!response) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  const payload =
    method === 'HEAD'
      ? undefined
      : (knownTextOf(response) ?? Buffer.from(await response.arrayBuffer()));
  res.writeHead(response.status, responseHeaders);
  res.end(payload);
}

/**
 * `http://` + the request's Host when it is a plain `host[:port]` (what the client reached, e.g.
 * `localhost:PORT` or a container name); undefined for anything else (a path, userinfo, a query).
 */
function reachedOrigin(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (!host) return undefined;
  try {
    const url = new URL(`http://${host}`);
    return url.host === host.toLowerCase() && url.pathname === '/' && !url.search && !url.hash
      ? url.origin
      : undefined;
  } catch {
    return undefined;
  }
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

function jamfErrorBody(status: number, code: string, description: string) {
  return { httpStatus: status, errors: [{ code, field: '', description, id: '0' }] };
}
