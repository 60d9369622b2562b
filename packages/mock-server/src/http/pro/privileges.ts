import { jamfError } from '../../spec/jamf-error.js';
import { jsonResponse } from '../responses/json-response.js';
import type { Route } from '../route.js';

/** `/v1/api-role-privileges` (every privilege name, sorted) and its `/search?name=&limit=`. */
export function privilegeRoutes(privilegeNames: readonly string[]): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/api-role-privileges',
      handle: () => jsonResponse({ privileges: privilegeNames }),
    },
    {
      method: 'GET',
      path: '/v1/api-role-privileges/search',
      handle: ({ url }) => {
        const name = (url.searchParams.get('name') ?? '').toLowerCase();
        const limitText = url.searchParams.get('limit') ?? '15';
        const limit = Number(limitText);
        if (!/^\d+$/.test(limitText) || !Number.isSafeInteger(limit)) {
          return jamfError(400, 'INVALID_FIELD', 'limit must be a whole number', 'limit');
        }
        const privileges = privilegeNames
          .filter((privilege) => privilege.toLowerCase().includes(name))
          .slice(0, limit);
        return jsonResponse({ privileges });
      },
    },
  ];
}
