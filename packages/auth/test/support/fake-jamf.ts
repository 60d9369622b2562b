// A small Jamf Pro stand-in for the auth tests: token endpoints and one protected API route,
// on 127.0.0.1, counting every call. Not @jamf/mock-server on purpose (built in parallel).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Buffer;
}

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
) => void | Promise<void>;

export interface FakeJamfOptions {
  /** Lifetime of user tokens, seconds. Default 1200. */
  userLifetimeSeconds?: number;
  /** Lifetime of OAuth tokens, seconds. Default 300. */
  oauthLifetimeSeconds?: number;
  /** Offset of the server's clock from the real one, ms (clock-skew tests). */
  serverClockOffsetMs?: number;
  username?: string;
  password?: string;
  clientId?: string;
  clientSecret?: string;
  /** Serve OAuth only at /api/v1/oauth/token (404 at /api/oauth/token). */
  oauthOnlyV1?: boolean;
}

export interface FakeJamf {
  url: string;
  calls: RecordedCall[];
  count(path: string): number;
  /** Tokens the server currently accepts. */
  live: Set<string>;
  /** Every token the server ever issued, in order. */
  issued: string[];
  /** Replace a route's behaviour (path → handler); delete to restore. */
  overrides: Map<string, Handler>;
  /** Delays the normal answer of a path until the promise settles (delete to stop holding). */
  holds: Map<string, Promise<void>>;
  /** Resolves when the next request to `path` arrives. */
  nextRequest(path: string): Promise<void>;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startFakeJamf(options: FakeJamfOptions = {}): Promise<FakeJamf> {
  const username = options.username ?? 'admin';
  const password = options.password ?? 'correct horse';
  const clientId = options.clientId ?? 'client-1';
  const clientSecret = options.clientSecret ?? 'shh-client-secret';
  const serverNow = () => Date.now() + (options.serverClockOffsetMs ?? 0);
  const calls: RecordedCall[] = [];
  const live = new Set<string>();
  const issued: string[] = [];
  const overrides = new Map<string, Handler>();
  const holds = new Map<string, Promise<void>>();
  const waiters = new Map<string, Array<() => void>>();
  let serial = 0;

  const issue = (prefix: string) => {
    serial += 1;
    const token = `${prefix}-token-${serial}-${Math.random().toString(36).slice(2)}`;
    live.add(token);
    issued.push(token);
    return token;
  };
  const bearer = (req: IncomingMessage, scheme = 'Bearer') => {
    const header = req.headers.authorization ?? '';
    return header.startsWith(`${scheme} `) ? header.slice(scheme.length + 1) : undefined;
  };
  const basicOk = (req: IncomingMessage) =>
    req.headers.authorization ===
    `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const userToken = (res: ServerResponse, epochMs: boolean) => {
    const expires = serverNow() + (options.userLifetimeSeconds ?? 1200) * 1000;
    res.setHeader('date', new Date(serverNow()).toUTCString());
    json(res, 200, {
      token: issue('user'),
      expires: epochMs ? expires : new Date(expires).toISOString(),
    });
  };

  const oauth: Handler = (_req, res, body) => {
    const form = new URLSearchParams(body.toString('utf8'));
    if (form.get('grant_type') !== 'client_credentials') {
      json(res, 400, { error: 'unsupported_grant_type' });
    } else if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
      json(res, 401, {
        error: 'invalid_client',
        error_description: 'client authentication failed',
      });
    } else if (form.get('scope') === 'bad-scope') {
      json(res, 400, { error: 'invalid_scope' });
    } else {
      json(res, 200, {
        access_token: issue('oauth'),
        token_type: 'Bearer',
        expires_in: options.oauthLifetimeSeconds ?? 300,
        scope: 'api-role:1',
      });
    }
  };

  const routes: Record<string, Handler> = {
    'POST /api/v1/auth/token': (req, res) => {
      if (!basicOk(req)) return json(res, 401, { httpStatus: 401, errors: [] });
      userToken(res, false);
    },
    'POST /api/v1/auth/keep-alive': (req, res) => {
      const token = bearer(req);
      if (token === undefined || !live.has(token)) {
        return json(res, 401, { httpStatus: 401, errors: [{ code: 'INVALID_TOKEN' }] });
      }
      live.delete(token);
      userToken(res, false);
    },
    'POST /api/v1/auth/invalidate-token': (req, res) => {
      const token = bearer(req);
      if (token === undefined || !live.has(token)) {
        return json(res, 401, { httpStatus: 401, errors: [{ code: 'INVALID_TOKEN' }] });
      }
      live.delete(token);
      res.writeHead(204).end();
    },
    'POST /api/oauth/token': (req, res, body) =>
      options.oauthOnlyV1 ? json(res, 404, { httpStatus: 404, errors: [] }) : oauth(req, res, body),
    'POST /api/v1/oauth/token': oauth,
    'POST /uapi/auth/tokens': (req, res) => {
      if (!basicOk(req)) return json(res, 401, { httpStatus: 401, errors: [] });
      userToken(res, true);
    },
    'POST /uapi/auth/keepAlive': (req, res) => {
      const token = bearer(req, 'jamf-token');
      if (token === undefined || !live.has(token)) return json(res, 401, {});
      live.delete(token);
      userToken(res, true);
    },
    'POST /uapi/auth/invalidateToken': (req, res) => {
      const token = bearer(req, 'jamf-token');
      if (token === undefined || !live.has(token)) return json(res, 401, {});
      live.delete(token);
      res.writeHead(204).end();
    },
  };

  // Any other path is "the API": it needs a live token and echoes the request body.
  const api: Handler = (req, res, body) => {
    const header = req.headers.authorization ?? '';
    const token = header.replace(/^(Bearer|jamf-token) /, '');
    if (!live.has(token)) {
      return json(res, 401, {
        httpStatus: 401,
        errors: [{ code: 'INVALID_TOKEN', field: null, description: 'Unauthorized', id: '0' }],
      });
    }
    res.writeHead(200, {
      'content-type': req.headers['content-type'] ?? 'application/octet-stream',
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      calls.push({
        method: req.method ?? 'GET',
        path,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      const pending = waiters.get(path) ?? [];
      waiters.delete(path);
      for (const wake of pending) wake();
      const handler = overrides.get(path) ?? routes[`${req.method} ${path}`] ?? api;
      Promise.resolve(holds.get(path))
        .then(() => handler(req, res, body))
        .catch((error: unknown) => {
          res.writeHead(500).end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    count: (path) => calls.filter((call) => call.path === path).length,
    live,
    issued,
    overrides,
    holds,
    nextRequest: (path) =>
      new Promise<void>((resolve) => {
        const list = waiters.get(path) ?? [];
        list.push(resolve);
        waiters.set(path, list);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 0, 1)): {
  now: () => number;
  advance(ms: number): void;
} {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}

/** A gate a handler can wait on, to hold a response open. */
export function gate(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}
