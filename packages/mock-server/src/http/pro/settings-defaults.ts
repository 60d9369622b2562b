import type { JsonObject } from '../../state/json-collection.js';
import type { RouteContext } from '../route.js';

/**
 * What a settings object starts as where a generated value would mislead a client, by path: the
 * rest of the object is generated from its schema as before.
 * - `/v1/jamf-pro-server-url`: `url` is the server's own address (the origin the request came
 *   to), which clients read to build links and enrollment URLs; it answered `url-3891`.
 */
const DEFAULTS: Readonly<Record<string, (ctx: RouteContext) => JsonObject>> = {
  '/v1/jamf-pro-server-url': (ctx) => ({ url: ctx.url.origin }),
};

/** The starting fields of the settings object at `path`, over its generated ones. */
export function settingsDefaults(path: string, ctx: RouteContext): JsonObject {
  return DEFAULTS[path]?.(ctx) ?? {};
}
