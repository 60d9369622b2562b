import type { CallInit } from './call-init.js';
import { JamfApiError } from './jamf-api-error.js';

const PARAMETER = /\{([^}]+)\}/g;

/**
 * The text a path parameter puts in the URL, or undefined when it has none of its own: Jamf's
 * path parameters are strings and integers (11.30.1 spec), so a string, a finite number or a
 * bigint. openapi-fetch writes an object or array as its entries joined by commas, so `{}`, an
 * empty array and a `Date` made `DELETE /v1/buildings/` (and an object without `toString` threw
 * a TypeError); those, booleans, `NaN` and symbols name no object either.
 */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** What a path parameter value is, for a message: `is missing`, `is ".."`, `is an object`. */
function describe(value: unknown): string {
  if (value === undefined || value === null) return 'is missing';
  if (typeof value === 'string') return `is ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `is ${value}`;
  if (Array.isArray(value)) return 'is an array';
  return typeof value === 'object' ? 'is an object' : `is a ${typeof value}`;
}

/**
 * Why a call's path parameters cannot make its URL, or undefined: a parameter the path names and
 * the call leaves out (openapi-fetch would send `%7Bid%7D`), one that is empty, `.` or `..`
 * (the URL would resolve to another resource: `DELETE /v1/buildings/..` to `DELETE /v1/`), or
 * one that is not a string or a finite number (see {@link textOf}). The error is a
 * `JamfApiError` with code `INVALID_REQUEST` and status 0; nothing is sent.
 */
export function pathParameterError(
  method: string,
  path: string,
  init: CallInit | undefined,
): JamfApiError | undefined {
  if (!path.includes('{')) return undefined;
  const values = (init?.params?.path ?? {}) as Record<string, unknown>;
  for (const [, name] of path.matchAll(PARAMETER)) {
    const value = typeof values === 'object' ? values[name as string] : undefined;
    const text = textOf(value);
    if (text !== undefined && text !== '' && text !== '.' && text !== '..') continue;
    return new JamfApiError({
      code: 'INVALID_REQUEST',
      status: 0,
      url: path,
      message: `${method.toUpperCase()} ${path}: path parameter ${name} ${describe(value)}, which names no object`,
    });
  }
  return undefined;
}
