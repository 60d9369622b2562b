import type { OpenApiDocument } from '../../spec/openapi-document.js';
import { deriveResources } from '../../spec/resources.js';
import type { Route } from '../route.js';

/** `/v1/packages/{id}` of `/v1/packages/{id}/history`: the path up to the first parameter. */
function parentItemOf(collection: string): string | undefined {
  const match = /^(.*?\{[^}]+\})\//.exec(collection);
  return match?.[1];
}

/**
 * Routes of the spec's sub-collections (`/v1/packages/{id}/history`, …) answer the parent's 404
 * when the parent object does not exist, before reading or writing anything: an entry is never
 * added below an object that is not there. The parent is looked up with the `GET` route mounted
 * for it (the last one in `routes`, as the router picks), whichever model serves it; a parent the
 * mock only generates is not checked. Jamf's exact message for this case is unverified.
 */
export function withParentChecks(routes: readonly Route[], document: OpenApiDocument): Route[] {
  const parents = new Map<string, string>();
  for (const resource of deriveResources(document).collections) {
    const parent = parentItemOf(resource.collection);
    if (parent === undefined) continue;
    parents.set(resource.collection, parent);
    if (resource.item) parents.set(resource.item, parent);
  }
  const getRoutes = new Map<string, Route>();
  for (const route of routes)
    if (route.method.toUpperCase() === 'GET') getRoutes.set(route.path, route);
  return routes.map((route) => {
    const parentPath = parents.get(route.path);
    const parent = parentPath === undefined ? undefined : getRoutes.get(parentPath);
    if (parent === undefined) return route;
    return {
      ...route,
      handle: async (ctx) => {
        const found = await parent.handle(ctx);
        if (found.status === 404) return found;
        return route.handle(ctx);
      },
    };
  });
}
