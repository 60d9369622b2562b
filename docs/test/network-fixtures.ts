import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { generate } from 'selfsigned';

/** A private CA and a server certificate it signed for 127.0.0.1 and localhost. */
export interface PrivateCa {
  caCert: string;
  serverKey: string;
  serverCert: string;
}

/** Generates a CA and a server certificate signed by it (no openssl needed). */
export async function privateCa(): Promise<PrivateCa> {
  const ca = await generate([{ name: 'commonName', value: 'Docs Test Root CA' }], {
    algorithm: 'sha256',
    keyType: 'ec',
    curve: 'P-256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    algorithm: 'sha256',
    keyType: 'ec',
    curve: 'P-256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { caCert: ca.cert, serverKey: server.private, serverCert: server.cert };
}

/** Something listening on 127.0.0.1 that the test closes. */
export interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

/** A Jamf Pro stand-in over TLS: token, version, Classic categories and package uploads. */
export interface TlsJamf extends Listening {
  /** Method, path and client port of every request. */
  readonly seen: Array<{ method: string; path: string; remotePort: number }>;
}

function answer(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'https://x').pathname;
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (path === '/api/oauth/token') {
    json(200, { access_token: 'tls-token', token_type: 'Bearer', expires_in: 599 });
  } else if (req.headers.authorization !== 'Bearer tls-token') {
    json(401, { httpStatus: 401 });
  } else if (path === '/api/v1/jamf-pro-version') {
    json(200, { version: '11.30.1' });
  } else if (path === '/JSSResource/categories') {
    json(200, { categories: [{ id: 1, name: 'A' }] });
  } else if (/^\/api\/v1\/packages\/\d+\/upload$/.test(path)) {
    json(201, { id: '1', href: path });
  } else {
    json(404, { httpStatus: 404, errors: [] });
  }
}

/** Starts the TLS stand-in with the given certificate. */
export async function startTlsJamf(ca: PrivateCa): Promise<TlsJamf> {
  const seen: TlsJamf['seen'] = [];
  const server = createHttpsServer({ key: ca.serverKey, cert: ca.serverCert }, (req, res) => {
    seen.push({
      method: req.method ?? '',
      path: new URL(req.url ?? '/', 'https://x').pathname,
      remotePort: req.socket.remotePort ?? 0,
    });
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP CONNECT proxy on 127.0.0.1 that only tunnels to 127.0.0.1 and counts its tunnels. */
export interface ConnectProxy extends Listening {
  /** `host:port` of each tunnel, in order. */
  readonly tunnels: string[];
  /** Local ports of the proxy's sockets to the servers: requests from them came through it. */
  readonly upstreamPorts: Set<number>;
}

/** Starts the proxy. */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const upstreamPorts = new Set<number>();
  const sockets = new Set<Socket>();
  const server = createHttpServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    const [host, port] = (req.url ?? '').split(':');
    if (host !== '127.0.0.1' && host !== 'localhost') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    tunnels.push(req.url ?? '');
    const upstream = connect(Number(port), '127.0.0.1', () => {
      upstreamPorts.add(upstream.localPort ?? 0);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    upstreamPorts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
