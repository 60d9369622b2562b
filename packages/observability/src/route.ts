import type { MiddlewareParams } from '@jamf/core';

/**
 * The path template of a request as the server sees it: the base URL's path followed by the
 * client's template (`/api` + `/v1/computers-inventory/{id}`), or `undefined` when not known.
 */
export function routeOf(
  params: Pick<MiddlewareParams, 'schemaPath' | 'options'>,
): string | undefined {
  if (typeof params.schemaPath !== 'string' || params.schemaPath === '') return undefined;
  let prefix = '';
  try {
    prefix = new URL(params.options.baseUrl).pathname.replace(/\/+$/, '');
  } catch {
    prefix = '';
  }
  return `${prefix}${params.schemaPath.startsWith('/') ? '' : '/'}${params.schemaPath}`;
}
