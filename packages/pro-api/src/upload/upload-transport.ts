import { Readable } from 'node:stream';
import { type Dispatcher, request as undiciRequest } from 'undici';
import { PackageUploadError } from './package-upload-error.js';

/** One HTTP exchange of an upload: a JSON call or the streamed multipart body. */
export interface TransportRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** A string, or a factory of a fresh byte stream (called again for a replay). */
  body?: string | (() => AsyncIterable<Uint8Array>);
  signal?: AbortSignal;
}

/** The answer, read in full (answers are small JSON documents). */
export interface TransportResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends one exchange. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/**
 * Node: `undici.request` streams the body with constant memory (Node's `fetch` keeps every byte
 * of a streamed request body, undici issue #4058), through the caller's dispatcher, so the proxy
 * and CA settings of the clients' `fetch` apply here too.
 */
export function undiciTransport(
  dispatcher: Dispatcher | undefined,
  answerTimeoutMs: number,
): Transport {
  return async (request) => {
    const body = typeof request.body === 'function' ? Readable.from(request.body()) : request.body;
    try {
      const answer = await undiciRequest(request.url, {
        method: request.method,
        headers: request.headers,
        ...(body === undefined ? {} : { body }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        ...(dispatcher === undefined ? {} : { dispatcher }),
        headersTimeout: answerTimeoutMs,
        bodyTimeout: answerTimeoutMs,
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
      }
      return { status: answer.statusCode, headers, text: await answer.body.text() };
    } catch (cause) {
      throw failure(request, cause);
    }
  };
}

/** Runtimes whose `fetch` streams a request body (Bun, Deno): the platform's `fetch`. */
export function fetchTransport(fetch: typeof globalThis.fetch): Transport {
  return async (request) => {
    const source = request.body;
    const body = typeof source === 'function' ? streamOf(source()) : source;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(body === undefined ? {} : { body }),
        ...(typeof source === 'function' ? { duplex: 'half' } : {}),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      } as RequestInit);
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (cause) {
      throw failure(request, cause);
    }
  };
}

/** A web stream over an async iterable, pulled one chunk at a time. */
function streamOf(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function failure(request: TransportRequest, cause: unknown): unknown {
  if (request.signal?.aborted) return request.signal.reason;
  const path = new URL(request.url).pathname;
  return new PackageUploadError('NETWORK_ERROR', `${request.method} ${path} got no answer`, {
    cause,
  });
}
