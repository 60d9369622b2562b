import { stat } from 'node:fs/promises';
import type { Dispatcher } from 'undici';
import { proApiBaseUrl } from '../base-url.js';
import { multipartFile } from './multipart-file.js';
import { createPackageRecord, findPackageId, type PackageRecord } from './package-record.js';
import { PackageUploadError } from './package-upload-error.js';
import { apiError, type UploadTokenSource, uploadSession } from './upload-session.js';
import { fetchTransport, type Transport, undiciTransport } from './upload-transport.js';

/** Where and how to upload: the server, its tokens and the network settings of your clients. */
export interface UploadConnection {
  /** The Jamf Pro server, `https://tenant.jamfcloud.com` (or its `/api` root). */
  baseUrl: string;
  /** Tokens for the calls: a `@jamf/auth` provider (`clientCredentials(…)`) fits. */
  tokens: UploadTokenSource;
  /**
   * The undici dispatcher your clients' `fetch` uses (a proxy or private-CA `Agent`), so the
   * upload goes the same way. Default undici's global dispatcher.
   */
  dispatcher?: Dispatcher;
  /**
   * `undici` streams with constant memory on Node; `fetch` sends a stream through `fetch`, for
   * runtimes whose `fetch` streams request bodies. Default `fetch` on Bun and Deno, else `undici`.
   */
  transport?: 'undici' | 'fetch';
  /** The `fetch` of the `fetch` transport. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every call of the upload (a `User-Agent`, for instance). */
  headers?: Record<string, string>;
  /** Longest wait for the server's answer or for its next body bytes, in ms. Default 600 000. */
  answerTimeoutMs?: number;
}

/** Progress of the file's bytes (the multipart framing is not counted). */
export interface UploadProgress {
  readonly bytesSent: number;
  readonly totalBytes: number;
}

/** What to upload, and to which package record. */
export interface UploadPackageOptions {
  /** The record to upload to. Give this or `packageName`. */
  packageId?: string | number;
  /** The record's `packageName`; looked up, or created when `create` says so. */
  packageName?: string;
  /** Path of the file to stream (a `.pkg` or `.dmg`); any size. */
  file: string;
  /**
   * Create the record when no package has `packageName`: `true` with defaults, or the fields to
   * set (`categoryId`, `priority`, …). Default false: a missing name is `PACKAGE_NOT_FOUND`.
   */
  create?: boolean | Partial<PackageRecord>;
  /** Called as file bytes are handed to the network, at most once per MiB. */
  onProgress?: (progress: UploadProgress) => void;
  /** Aborts the upload; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The outcome of an upload. */
export interface UploadPackageResult {
  /** The package record the file was uploaded to. */
  readonly packageId: string;
  /** Whether this call created that record. */
  readonly created: boolean;
  /** Bytes of the file sent (the last attempt's). */
  readonly bytes: number;
}

/**
 * Streams a file to `POST /v1/packages/{id}/upload` as `multipart/form-data` with constant
 * memory, after finding (or creating) the package record by name. A 401 gets one token refresh
 * and one replay, read again from disk. Jamf Pro 11.5 and later take uploads on this endpoint.
 * @example
 * await uploadPackage({ baseUrl, tokens: jamf }, { packageName: 'Firefox.pkg', file: './Firefox.pkg', create: true });
 */
export async function uploadPackage(
  connection: UploadConnection,
  options: UploadPackageOptions,
): Promise<UploadPackageResult> {
  checkConnection(connection);
  const sizeBytes = await checkOptions(options);
  const session = uploadSession({
    apiRoot: proApiBaseUrl(connection.baseUrl),
    tokens: connection.tokens,
    transport: transportOf(connection),
    headers: connection.headers ?? {},
    signal: options.signal,
  });
  let packageId = options.packageId === undefined ? undefined : String(options.packageId);
  let created = false;
  if (packageId === undefined) {
    const name = options.packageName as string;
    packageId = await findPackageId(session, name);
    if (packageId === undefined) {
      if (options.create === undefined || options.create === false) {
        throw new PackageUploadError(
          'PACKAGE_NOT_FOUND',
          `No package record is named "${name}"; pass create: true to create it`,
        );
      }
      const fields = options.create === true ? {} : options.create;
      packageId = await createPackageRecord(session, name, options.file, fields);
      created = true;
    }
  }
  const body = multipartFile(options.file, sizeBytes);
  let bytes = 0;
  // A callback that throws stops the stream; its own error is what the caller gets, not a
  // NETWORK_ERROR "got no answer" wrapped around it.
  let progressError: { error: unknown } | undefined;
  const path = `/v1/packages/${encodeURIComponent(packageId)}/upload`;
  const answer = await session
    .send({
      method: 'POST',
      path,
      headers: {
        accept: 'application/json',
        'content-type': body.contentType,
        'content-length': String(body.contentLength),
      },
      body: () =>
        body.chunks((sent) => {
          bytes = sent;
          try {
            options.onProgress?.({ bytesSent: sent, totalBytes: sizeBytes });
          } catch (error) {
            progressError ??= { error };
            throw error;
          }
        }),
    })
    .catch((error: unknown) => {
      throw progressError === undefined ? error : progressError.error;
    });
  if (answer.status < 200 || answer.status > 299) {
    throw apiError(answer, `${proApiBaseUrl(connection.baseUrl)}${path}`);
  }
  return { packageId, created, bytes };
}

function transportOf(connection: UploadConnection): Transport {
  const kind = connection.transport ?? (streamsRequestBodies() ? 'fetch' : 'undici');
  if (kind === 'fetch') {
    return fetchTransport(connection.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  }
  return undiciTransport(connection.dispatcher, connection.answerTimeoutMs ?? 600_000);
}

/** Bun's and Deno's `fetch` stream a request body; Node's keeps all of it in memory. */
function streamsRequestBodies(): boolean {
  const runtime = globalThis as { Bun?: unknown; Deno?: unknown };
  return runtime.Bun !== undefined || runtime.Deno !== undefined;
}

/**
 * Refuses a connection that could not send anything (no token source, an unknown transport),
 * before a package record is created for an upload that would then fail.
 */
function checkConnection(connection: UploadConnection): void {
  const invalid = (message: string) => new PackageUploadError('INVALID_OPTIONS', message);
  if (typeof connection !== 'object' || connection === null) {
    throw invalid('uploadPackage needs a connection ({ baseUrl, tokens })');
  }
  const tokens = connection.tokens as Partial<UploadTokenSource> | undefined;
  if (typeof tokens?.getToken !== 'function') {
    throw invalid('uploadPackage needs tokens: a @jamf/auth provider or { getToken() }');
  }
  const { transport } = connection;
  if (transport !== undefined && transport !== 'fetch' && transport !== 'undici') {
    throw invalid("transport must be 'fetch' or 'undici'");
  }
  if (connection.fetch !== undefined && typeof connection.fetch !== 'function') {
    throw invalid('fetch must be a function');
  }
  const { answerTimeoutMs, dispatcher, headers } = connection;
  if (
    answerTimeoutMs !== undefined &&
    !(
      typeof answerTimeoutMs === 'number' &&
      Number.isFinite(answerTimeoutMs) &&
      answerTimeoutMs >= 0
    )
  ) {
    // Else undici refuses it on the first send, reported as a network failure.
    throw invalid('answerTimeoutMs must be a finite number of milliseconds >= 0');
  }
  if (
    dispatcher !== undefined &&
    typeof (dispatcher as Partial<Dispatcher> | null)?.dispatch !== 'function'
  ) {
    throw invalid('dispatcher must be an undici Dispatcher (an Agent, a ProxyAgent, …)');
  }
  if (headers !== undefined) checkHeaders(headers);
}

/**
 * Headers every call can carry, refused without quoting a value (the platform's TypeError does,
 * and a header may be a credential).
 */
function checkHeaders(headers: unknown): void {
  const invalid = () =>
    new PackageUploadError(
      'INVALID_OPTIONS',
      'headers must be an object of header names and text values valid in HTTP (no CR, LF or NUL)',
    );
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) throw invalid();
  if (Object.values(headers).some((value) => typeof value !== 'string')) throw invalid();
  try {
    new Headers(headers as Record<string, string>);
  } catch {
    throw invalid();
  }
}

async function checkOptions(options: UploadPackageOptions): Promise<number> {
  if (typeof options !== 'object' || options === null) {
    throw new PackageUploadError(
      'INVALID_OPTIONS',
      'uploadPackage needs { file, packageId | packageName }',
    );
  }
  const { packageId } = options;
  if (
    packageId !== undefined &&
    !(
      typeof packageId === 'string' ||
      (typeof packageId === 'number' && Number.isSafeInteger(packageId))
    )
  ) {
    throw new PackageUploadError(
      'INVALID_OPTIONS',
      'packageId must be an id (a string or a whole number)',
    );
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new PackageUploadError('INVALID_OPTIONS', 'onProgress must be a function');
  }
  const { signal, create } = options as { signal?: unknown; create?: unknown };
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new PackageUploadError('INVALID_OPTIONS', 'signal must be an AbortSignal');
  }
  if (
    create !== undefined &&
    typeof create !== 'boolean' &&
    (typeof create !== 'object' || create === null || Array.isArray(create))
  ) {
    throw new PackageUploadError(
      'INVALID_OPTIONS',
      'create must be true, false or the fields of the record to create',
    );
  }
  if (packageId === '.' || packageId === '..') {
    // A dot segment is resolved away: `/v1/packages/../upload` would be `/v1/upload`.
    throw new PackageUploadError('INVALID_OPTIONS', 'packageId cannot be "." or ".."');
  }
  const hasId = options.packageId !== undefined && options.packageId !== '';
  const hasName = typeof options.packageName === 'string' && options.packageName !== '';
  if (hasId === hasName) {
    throw new PackageUploadError(
      'INVALID_OPTIONS',
      'uploadPackage needs exactly one of packageId and packageName',
    );
  }
  if (typeof options.file !== 'string' || options.file === '') {
    throw new PackageUploadError('INVALID_OPTIONS', 'uploadPackage needs { file }: a path');
  }
  options.signal?.throwIfAborted();
  try {
    const info = await stat(options.file);
    if (!info.isFile()) throw new Error('not a regular file');
    return info.size;
  } catch (cause) {
    throw new PackageUploadError('FILE_UNREADABLE', `Cannot read ${options.file}`, { cause });
  }
}
