import { createClientFor, type ProClientFor, type ProClientOptions } from './create-client.js';
import type { components, paths } from './generated/openapi.js';

/** An openapi-fetch client typed over every Jamf Pro API operation. */
export type ProClient = ProClientFor<paths>;

/** A schema of the Jamf Pro API by name, e.g. `Schema<'ApiRole'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/**
 * Creates a client for the whole Jamf Pro API, typed from the published schema.
 * Call its `GET`/`POST`/`PUT`/`PATCH`/`DELETE` with a path relative to `/api`.
 *
 * @example
 * const jamf = createProClient({ baseUrl: 'https://tenant.jamfcloud.com' });
 * const { data } = await jamf.GET('/v1/api-roles');
 */
export function createProClient(options: ProClientOptions): ProClient {
  return createClientFor<paths>(options);
}
