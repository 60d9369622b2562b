import { jamfError } from '../../spec/jamf-error.js';
import { payloadTooLarge } from '../../spec/validation/validate-request.js';
import { BodyTooLarge, type DigestedFile, digestFilePart } from '../multipart-body.js';
import type { RouteContext } from '../route.js';

/**
 * Reads the multipart part `file` of a Pro upload (packages, computer attachments, icons) as a
 * stream, keeping its name, type, size and digest; or Jamf's answer for a body that is not a
 * usable upload: 400 without a body, not multipart or without the part, 413 above `maxBodyBytes`.
 */
export async function readProFilePart(ctx: RouteContext): Promise<DigestedFile | Response> {
  const { body } = ctx.request;
  if (body === null) return jamfError(400, 'MISSING_REQUEST_BODY', 'A request body is required');
  let file: DigestedFile | undefined;
  try {
    file = await digestFilePart(ctx.request, body, ctx.maxBodyBytes, 'file');
  } catch (error) {
    if (error instanceof BodyTooLarge) return payloadTooLarge(ctx.maxBodyBytes);
    return jamfError(400, 'INVALID_FIELD', 'The body is not valid multipart/form-data', 'file');
  }
  return file ?? jamfError(400, 'INVALID_FIELD', 'A multipart part named file is required', 'file');
}
