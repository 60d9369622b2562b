import { createReadStream } from 'node:fs';
import { basename } from 'node:path';

/** One file as a `multipart/form-data` body with a single part, streamed from disk. */
export interface MultipartFile {
  /** The `Content-Type` header value, boundary included. */
  readonly contentType: string;
  /** Exact body length: the part's head, the file, the closing boundary. */
  readonly contentLength: number;
  /** A fresh stream of the whole body each call (a replay reads the file again). */
  chunks(onFileBytes: (sent: number) => void): AsyncIterable<Uint8Array>;
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * Lays out the body of `POST /v1/packages/{id}/upload`: one part named `file` (the field name of
 * the spec's `multipart/form-data` schema) whose bytes are read from disk chunk by chunk.
 */
export function multipartFile(path: string, sizeBytes: number, fieldName = 'file'): MultipartFile {
  const boundary = `----jamf-sdk-${crypto.randomUUID()}`;
  const fileName = basename(path).replace(/["\r\n\\]/g, '_');
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: head.byteLength + sizeBytes + tail.byteLength,
    async *chunks(onFileBytes) {
      yield head;
      let sent = 0;
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
        const bytes = chunk as Buffer;
        sent += bytes.byteLength;
        yield bytes;
        onFileBytes(sent);
      }
      yield tail;
    },
  };
}
