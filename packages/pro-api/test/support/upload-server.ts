import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server learnt from one upload, without keeping its bytes. */
export interface ReceivedUpload {
  packageId: string;
  fieldName: string | undefined;
  fileName: string | undefined;
  sizeBytes: number;
  sha256: string;
  authorization: string | undefined;
}

/** A Jamf Pro stand-in for package records and uploads, on 127.0.0.1. */
export interface UploadServer {
  readonly url: string;
  readonly uploads: ReceivedUpload[];
  readonly created: Array<Record<string, unknown>>;
  /** Package records by name, as `GET /v1/packages?filter=…` finds them. */
  readonly packages: Map<string, string>;
  /** Answer the next N uploads 401 (after reading them whole). */
  refuseUploads: number;
  /** Tokens the server accepts; anything else is 401. Empty: accept all. */
  readonly acceptedTokens: Set<string>;
  close(): Promise<void>;
}

/**
 * Reads one `multipart/form-data` part as it streams: the part's head is parsed, the file bytes
 * are hashed, and only the closing boundary's length is ever held back.
 */
function hashSinglePart(req: IncomingMessage, boundary: string) {
  const tailLength = Buffer.byteLength(`\r\n--${boundary}--\r\n`);
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let inBody = false;
  let held = Buffer.alloc(0);
  let sizeBytes = 0;
  let partHead = '';
  const feed = (chunk: Buffer) => {
    if (!inBody) {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      partHead = head.subarray(0, end).toString('utf8');
      inBody = true;
      chunk = head.subarray(end + 4);
    }
    const joined = held.length === 0 ? chunk : Buffer.concat([held, chunk]);
    const keep = Math.min(tailLength, joined.length);
    const ready = joined.subarray(0, joined.length - keep);
    hash.update(ready);
    sizeBytes += ready.length;
    held = Buffer.from(joined.subarray(joined.length - keep));
  };
  return new Promise<{ partHead: string; sizeBytes: number; sha256: string; tail: string }>(
    (resolve, reject) => {
      req.on('data', feed);
      req.on('error', reject);
      req.on('end', () =>
        resolve({ partHead, sizeBytes, sha256: hash.digest('hex'), tail: held.toString('utf8') }),
      );
    },
  );
}

/** An RSQL argument as text: quotes removed, backslash escapes resolved. */
function rsqlValue(argument: string | undefined): string | undefined {
  if (argument === undefined) return undefined;
  const quoted = /^"(.*)"$/.exec(argument)?.[1] ?? /^'(.*)'$/.exec(argument)?.[1];
  return (quoted ?? argument).replace(/\\(.)/g, '$1');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the stand-in. */
export async function startUploadServer(): Promise<UploadServer> {
  let nextId = 100;
  const state: Omit<UploadServer, 'url' | 'close'> = {
    uploads: [],
    created: [],
    packages: new Map(),
    refuseUploads: 0,
    acceptedTokens: new Set(),
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const authorized = state.acceptedTokens.size === 0 || state.acceptedTokens.has(token);
    const upload = /^\/api\/v1\/packages\/([^/]+)\/upload$/.exec(url.pathname);
    if (upload !== null && req.method === 'POST') {
      const boundary = /boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1] ?? '';
      const part = await hashSinglePart(req, boundary);
      if (!authorized || state.refuseUploads > 0) {
        state.refuseUploads = Math.max(0, state.refuseUploads - 1);
        json(res, 401, { httpStatus: 401, errors: [] });
        return;
      }
      if (part.tail !== `\r\n--${boundary}--\r\n`) {
        json(res, 400, { httpStatus: 400, errors: [{ code: 'BAD_MULTIPART' }] });
        return;
      }
      state.uploads.push({
        packageId: decodeURIComponent(upload[1] ?? ''),
        fieldName: /name="([^"]*)"/.exec(part.partHead)?.[1],
        fileName: /filename="([^"]*)"/.exec(part.partHead)?.[1],
        sizeBytes: part.sizeBytes,
        sha256: part.sha256,
        authorization: req.headers.authorization,
      });
      json(res, 201, { id: upload[1], href: `${url.pathname}` });
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!authorized) return json(res, 401, { httpStatus: 401, errors: [] });
    if (url.pathname === '/api/v1/packages' && req.method === 'GET') {
      const name = rsqlValue(/^packageName==(.*)$/.exec(url.searchParams.get('filter') ?? '')?.[1]);
      const id = name === undefined ? undefined : state.packages.get(name);
      const results = id === undefined ? [] : [{ id, packageName: name }];
      return json(res, 200, { totalCount: results.length, results });
    }
    if (url.pathname === '/api/v1/packages' && req.method === 'POST') {
      const record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const id = String(nextId++);
      state.created.push(record);
      state.packages.set(String(record.packageName), id);
      return json(res, 201, { id, href: `/api/v1/packages/${id}` });
    }
    json(res, 404, { httpStatus: 404, errors: [{ code: 'NOT_FOUND' }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
