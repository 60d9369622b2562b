import type { Policy } from '../../state/inventory/policies.js';
import type { MockState } from '../../state/mock-state.js';
import type { Route } from '../route.js';
import { classicResponse } from './classic-format.js';
import { classicPolicies } from './classic-groups-policies.js';
import { guarded } from './classic-resource.js';

/** The category id `/policies/category/{category}` names: an id, a name, or `None` (-1). */
function categoryIdOf(state: MockState, category: string): number | undefined {
  if (category.toLowerCase() === 'none') return -1;
  if (/^\d{1,9}$/.test(category)) return state.categories.get(Number(category))?.id;
  return state.categories.findBy('name', category)?.id;
}

/**
 * The filtered policy lists of the Classic API reference (`jamf-pro-11.30.1.classic-swagger.yaml`):
 * `/policies/category/{category}` (a category id or name, or `None` for policies without one) and
 * `/policies/createdBy/{createdBy}` (`jss`: made in the GUI or the API, which is every policy the
 * mock holds; `casper`: made by Casper Remote, none), both as the policy list. jps-api-wrapper
 * (`get_policies`) and go-api-sdk-jamfpro (`GetPolicyByCategory`, `GetPoliciesByType`) call
 * them. An unknown category's answer and any other `createdBy` value (an empty list here) are
 * unverified.
 */
export function classicPolicyListRoutes(): Route[] {
  const list = (keep: (row: Readonly<Policy>, state: MockState) => boolean) =>
    guarded(classicPolicies, 'GET', (ctx) => {
      const rows = [...ctx.state.policies.values()]
        .filter((row) => keep(row, ctx.state))
        .map((row) => classicPolicies.summary(row, ctx.state));
      return classicResponse(ctx.request, classicPolicies.listRoot, rows);
    });
  return [
    {
      method: 'GET',
      path: '/JSSResource/policies/category/{category}',
      handle: (ctx) => {
        const wanted = categoryIdOf(ctx.state, ctx.params.category ?? '');
        return list((row) => wanted !== undefined && row.categoryId === wanted)(ctx);
      },
    },
    {
      method: 'GET',
      path: '/JSSResource/policies/createdBy/{createdBy}',
      handle: (ctx) => {
        const isJss = (ctx.params.createdBy ?? '').toLowerCase() === 'jss';
        return list(() => isJss)(ctx);
      },
    },
  ];
}
