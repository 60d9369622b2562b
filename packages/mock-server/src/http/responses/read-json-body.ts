import { jamfError } from '../../spec/jamf-error.js';

/**
 * Reads a JSON object body, or answers the Jamf-shaped 400 a malformed or non-object body gets.
 * (Validation normally rejects these first; this keeps handlers safe on their own.)
 */
export async function readJsonObject(
  request: Request,
): Promise<{ body: Record<string, unknown> } | { error: Response }> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return { error: jamfError(400, 'INVALID_JSON', 'The request body is not valid JSON') };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: jamfError(400, 'INVALID_JSON', 'The request body must be a JSON object') };
  }
  return { body: body as Record<string, unknown> };
}
