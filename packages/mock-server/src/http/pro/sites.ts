import { sitesOf } from '../../state/sites.js';
import type { Route } from '../route.js';
import { specShaped } from './pro-answers.js';

/**
 * `GET /v1/sites`: the sites Classic created, `[{ id, name, divisionId }]` in id order
 * (`divisionId` null: the mock models no divisions; unverified).
 */
export function siteRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/sites',
      handle: (ctx) =>
        specShaped(
          ctx,
          sitesOf(ctx.state)
            .list()
            .map((row) => ({ id: row.id, name: row.name, divisionId: null })),
          200,
          true,
        ),
    },
  ];
}
