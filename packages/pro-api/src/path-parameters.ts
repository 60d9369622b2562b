import type { CallInit } from './call-init.js';
import { JamfApiError } from './jamf-api-error.js';

const PARAMETER = /\{([^}]+)\}/g;

/**
 * Why a call's path parameters cannot make its URL, or undefined: a parameter the path names and
 * the call leaves out (openapi-fetch would send `%7Bid%7D`), or one that is empty, `.` or `..`
 * (the URL would resolve to another resource: `DELETE /v1/buildings/..` to `DELETE /v1/`). The
 * error is a `JamfApiError` with code `INVALID_REQUEST` and status 0; nothing is sent.
 */
export function pathParameterError(
  method: string,
  path: string,
  init: CallInit | undefined,
): JamfApiError | undefined {
  if (!path.includes('{')) return undefined;
  const values = (init?.params?.path ?? {}) as Record<string, unknown>;
  for (const [, name] of path.matchAll(PARAMETER)) {
    const value = values[name as string];
    const text = value === undefined || value === null ? undefined : String(value);
    if (text !== undefined && text !== '' && text !== '.' && text !== '..') continue;
    const what = text === undefined ? 'is missing' : `is ${JSON.stringify(text)}`;
    return new JamfApiError({
      code: 'INVALID_REQUEST',
      status: 0,
      url: path,
      message: `${method.toUpperCase()} ${path}: path parameter ${name} ${what}, which names no object`,
    });
  }
  return undefined;
}
