import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny Jamf Pro stand-in on 127.0.0.1: OAuth tokens, one computer, scripted faults. */
export interface LocalJamf {
  readonly url: string;
  /** Statuses to answer the next API calls with, in order, before answering normally. */
  readonly faults: number[];
  /** Requests the server saw: method, path and headers. */
  readonly seen: Array<{ method: string; path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

export const CLIENT_SECRET = 'cs-local-9f8e7d6c-secret';
export const TOKEN_PREFIX = 'tok-local-secret-';
export const STICKY_VALUE = 'node-7.secret-sticky-value';

/** Starts the stand-in; tokens are `tok-local-secret-N`, the sticky cookie has a secret value. */
export async function startLocalJamf(): Promise<LocalJamf> {
  const faults: number[] = [];
  const seen: LocalJamf['seen'] = [];
  let issued = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push({ method: req.method ?? '', path, headers: req.headers });
    req.resume();
    req.on('end', () => {
      if (path === '/api/oauth/token') {
        issued += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            access_token: `${TOKEN_PREFIX}${issued}`,
            token_type: 'Bearer',
            expires_in: 599,
            scope: 'api-role:1',
          }),
        );
        return;
      }
      const fault = faults.shift();
      const headers = {
        'content-type': 'application/json',
        'x-request-id': `req-${seen.length}`,
        'set-cookie': `APBALANCEID=${STICKY_VALUE}; Path=/`,
      };
      if (fault !== undefined) {
        res.writeHead(fault, headers);
        res.end(JSON.stringify({ httpStatus: fault, errors: [] }));
        return;
      }
      res.writeHead(200, headers);
      res.end(JSON.stringify({ id: '1', general: { name: 'LAB-1' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
