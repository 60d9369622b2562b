import type { Route } from '../route.js';

const CREATE_BY_ID = /^(\/JSSResource\/[a-z]+)\/id\/\{[a-z]+\}$/;

/**
 * For each Classic create (`POST /JSSResource/<resource>/id/{id}`), the same create at the
 * resource's own path (`POST /JSSResource/<resource>`), answered as a create with id 0 by the
 * last of `routes` that creates there, for each resource whose path lists it (`GET`).
 * Clients use both: jamf-pro-sdk-python's `create_advanced_computer_search` posts to
 * `/JSSResource/advancedcomputersearches`, and its issue #55 reports that create succeeding on a
 * live server; go-api-sdk-jamfpro's `CreateAdvancedMobileDeviceSearch` posts to
 * `/JSSResource/advancedmobiledevicesearches`. That every resource takes it is unverified.
 */
export function classicCollectionPosts(routes: readonly Route[]): Route[] {
  const taken = new Set(routes.map((route) => `${route.method.toUpperCase()} ${route.path}`));
  const posts: Route[] = [];
  // A later route replaces an earlier one for the same path (the route table's rule): the last wins.
  for (const route of [...routes].reverse()) {
    if (route.method.toUpperCase() !== 'POST') continue;
    const collection = CREATE_BY_ID.exec(route.path)?.[1];
    // Only where the path is a listed collection: a path the mock answers 404 stays 404.
    if (collection === undefined || !taken.has(`GET ${collection}`)) continue;
    if (taken.has(`POST ${collection}`)) continue;
    taken.add(`POST ${collection}`);
    const param = /\{([a-z]+)\}$/.exec(route.path)?.[1] as string;
    posts.push({
      ...route,
      path: collection,
      handle: (ctx) => {
        // The context keeps the request in private state, so it is not copied: the path's
        // parameters are this request's own object.
        ctx.params[param] = '0';
        return route.handle(ctx);
      },
    });
  }
  return posts;
}
