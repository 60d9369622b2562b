import { jamfError } from '../../spec/jamf-error.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route } from '../route.js';
import { sharedCollectionStore } from './generic-collections.js';

/**
 * `POST /v1/distribution-points/delete-multiple` over the store `GET /v1/distribution-points` and
 * Classic `distributionpoints` read, so the deleted points are gone from both APIs. An id that
 * names no distribution point is refused with 400 (the only error the spec declares) before
 * anything is deleted: a refused request changes nothing (the wording is unverified).
 */
export function distributionPointRoutes(document: OpenApiDocument): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/distribution-points/delete-multiple',
      handle: async (ctx) => {
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const shared = sharedCollectionStore(document, '/v1/distribution-points', ctx.state);
        if (shared === undefined) throw new Error('The spec derives no /v1/distribution-points');
        const ids = Array.isArray(read.body.ids) ? read.body.ids.map(String) : [];
        const missing = ids.find((id) => shared.store.get(id) === undefined);
        if (missing !== undefined) {
          return jamfError(
            400,
            'INVALID_ID',
            `Distribution point with id ${missing} not found`,
            'ids',
          );
        }
        for (const id of ids) shared.store.delete(id);
        return new Response(null, { status: 204 });
      },
    },
  ];
}
