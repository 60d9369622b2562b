import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { directResponderOf } from '../http/msw-handlers.js';
import { knownBodyOf } from '../http/responses/text-body.js';
import { createJamfMock, type JamfMock, type JamfMockOptions } from '../mock.js';
import { checkWholeNumber, MockOptionError } from '../state/mock-option-error.js';
import { incomingFromMessage } from './incoming-message.js';

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

/** Methods a Fetch `Request` refuses (Fetch standard, "forbidden method"). */
const FETCH_FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

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
  checkWholeNumber('port', port, 0, 65_535);
  if (typeof host !== 'string' || host === '') {
    throw new MockOptionError('INVALID_MOCK_OPTION', 'host must be a host name or address');
  }
  const mock = createJamfMock({ ...mockOptions, baseUrl: INTERNAL_ORIGIN });
  let listeningUrl = INTERNAL_ORIGIN;
  const reachedOrigin = reachedOriginMemo();
  const server = createServer((req, res) => {
    const started = log === undefined ? 0 : performance.now();
    const failed = (error: unknown) => {
      console.error('jamf-mock-server: failed to answer', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    };
    let answering: Promise<void> | undefined;
    try {
      answering = answer(mock, req, res, listeningUrl, reachedOrigin)?.catch(failed);
    } catch (error) {
      failed(error);
    }
    // No log line, no further promise: `--quiet` serves without per-request bookkeeping.
    if (log === undefined) return;
    const logLine = () => {
      const path = (req.url ?? '/').split('?')[0];
      const status = res.headersSent ? res.statusCode : 0;
      log(
        `${req.method} ${path} ${status || 'dropped'} ${(performance.now() - started).toFixed(1)}ms`,
      );
    };
    if (answering === undefined) logLine();
    else answering.finally(logLine);
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

/**
 * Answers one request: synchronously when the mock's answer is a Response with its text beside
 * it (no promise, no microtask; bench P4's profile of the token route), through a promise when
 * something has to be awaited (msw, a handler that awaits, a streamed body).
 */
function answer(
  mock: JamfMock,
  req: IncomingMessage,
  res: ServerResponse,
  listeningUrl: string,
  reachedOrigin: (req: IncomingMessage) => string | undefined,
): Promise<void> | undefined {
  const method = (req.method ?? 'GET').toUpperCase();
  const respond = directResponderOf(mock.handlers);
  // The direct responder routes by path alone, so the request keeps the origin the client
  // reached and every URL the mock writes (a create's href) names it; msw matches by origin, so
  // a handler list changed since creation still gets the internal one.
  const origin = respond === undefined ? INTERNAL_ORIGIN : (reachedOrigin(req) ?? listeningUrl);
  let url: URL;
  try {
    url = urlOf(req.url ?? '/', origin);
  } catch {
    res.writeHead(400, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(
      JSON.stringify(jamfErrorBody(400, 'INVALID_REQUEST', 'The request target is not a URL')),
    );
    return undefined;
  }
  const answer = (asked: string) => {
    const incoming = incomingFromMessage(req, asked, url);
    return respond === undefined
      ? getResponse(mock.handlers, incoming.request())
      : respond(incoming);
  };
  // Fetch refuses some methods Node parses (TRACE): Jamf does not serve them either. A 405 names
  // what the path does allow (RFC 9110 §15.5.6), as the mock's OPTIONS answer gives it.
  if (FETCH_FORBIDDEN_METHODS.has(method)) {
    return Promise.resolve(answer('OPTIONS')).then((options) => {
      const allow = options?.headers.get('allow');
      res.writeHead(405, {
        'content-type': 'application/json;charset=UTF-8',
        ...(allow ? { allow } : {}),
      });
      res.end(
        JSON.stringify(jamfErrorBody(405, 'METHOD_NOT_ALLOWED', `${method} is not supported`)),
      );
    });
  }
  const answered = answer(method);
  if (answered instanceof Response) return write(req, res, method, answered);
  return answered.then((response) => write(req, res, method, response));
}

/** Writes `response` out; a promise only when its body has to be read from a stream. */
function write(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  response: Response | undefined,
): Promise<void> | undefined {
  if (!response) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return undefined;
  }
  if (response.type === 'error') {
    req.socket.destroy();
    return undefined;
  }
  if (method === 'HEAD') {
    writeOut(res, response, undefined);
    return undefined;
  }
  const body = knownBodyOf(response);
  if (body !== undefined) {
    writeOut(res, response, body);
    return undefined;
  }
  return response.arrayBuffer().then((body) => writeOut(res, response, Buffer.from(body)));
}

function writeOut(
  res: ServerResponse,
  response: Response,
  payload: string | Uint8Array | undefined,
) {
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  // A body of known length goes out with Content-Length rather than chunked, as node:http does
  // for `end(body)` alone: one framing fewer for the client to parse.
  if (
    payload !== undefined &&
    responseHeaders['content-length'] === undefined &&
    responseHeaders['transfer-encoding'] === undefined
  ) {
    responseHeaders['content-length'] = String(
      typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength,
    );
  }
  res.writeHead(response.status, responseHeaders);
  res.end(payload);
}

/**
 * The URL a request target names on `origin`. An origin-form target (`/path?query`, all a
 * client sends) is parsed as one absolute string, which costs half of resolving it against a
 * base (bench P4's profile of the token route); `//x` and `/\x` would resolve to another host
 * as a reference, so they, and any other form, are resolved as before.
 */
function urlOf(target: string, origin: string): URL {
  const second = target.charCodeAt(1);
  const isPlainPath = target.charCodeAt(0) === SLASH && second !== SLASH && second !== BACKSLASH;
  return isPlainPath ? new URL(origin + target) : new URL(target, origin);
}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;

/**
 * `http://` + a request's Host when it is a plain `host[:port]` (what the client reached, e.g.
 * `localhost:PORT` or a container name); undefined for anything else (a path, userinfo, a query).
 * Remembers the last Host's answer: a client sends the same one on every request.
 */
function reachedOriginMemo(): (req: IncomingMessage) => string | undefined {
  let lastHost: string | undefined;
  let lastOrigin: string | undefined;
  return (req) => {
    const host = hostOf(req.rawHeaders);
    if (host !== lastHost) {
      lastHost = host;
      lastOrigin = host ? reachedOrigin(host) : undefined;
    }
    return lastOrigin;
  };
}

/**
 * The first Host header, as node's `req.headers.host` keeps it, read from the raw list: the first
 * read of `req.headers` builds an object of every header (bench P4's token profile).
 */
function hostOf(raw: readonly string[]): string | undefined {
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]!;
    if (name.length === 4 && name.toLowerCase() === 'host') return raw[index + 1];
  }
  return undefined;
}

function reachedOrigin(host: string): string | undefined {
  try {
    const url = new URL(`http://${host}`);
    return url.host === host.toLowerCase() && url.pathname === '/' && !url.search && !url.hash
      ? url.origin
      : undefined;
  } catch {
    return undefined;
  }
}

function jamfErrorBody(status: number, code: string, description: string) {
  return { httpStatus: status, errors: [{ code, field: '', description, id: '0' }] };
}
