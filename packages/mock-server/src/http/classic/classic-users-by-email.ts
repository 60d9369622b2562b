import { classicResourceFacts } from '../../generated/classic-resources.js';
import type { Route } from '../route.js';
import { classicResponse } from './classic-format.js';
import { genericClassicResource } from './classic-generic-resource.js';
import { classicNotFound, guarded } from './classic-resource.js';
import { elementAt } from './classic-shape.js';

/**
 * `GET /JSSResource/users/email/{email}`: the users with that address, as the user list (Jamf's
 * Classic API reference, `findUsersByEmailAddress`: "Because email addresses may not be unique,
 * this operation returns a list of users"; scripts read it as `.users[].id`). A user's address is
 * its `email` or `email_address` element; the match ignores case (unverified), and no match is
 * the 404 status page, which scripts test for as "Not Found" (unverified for an address nobody
 * has). Served from the same store as `/users`.
 */
export function classicUsersByEmailRoute(): Route[] {
  const facts = classicResourceFacts.users;
  const users = facts === undefined ? undefined : genericClassicResource(facts);
  if (users === undefined) return [];
  return [
    {
      method: 'GET',
      path: '/JSSResource/users/email/{email}',
      handle: guarded(users, 'GET', (ctx) => {
        const wanted = (ctx.params.email ?? '').toLowerCase();
        const addressOf = (fields: unknown, key: string) => {
          const value = elementAt(fields, [key]);
          return typeof value === 'string' ? value.toLowerCase() : undefined;
        };
        const rows = [...users.store(ctx.state).values()]
          .filter((row) =>
            [addressOf(row.fields, 'email'), addressOf(row.fields, 'email_address')].includes(
              wanted,
            ),
          )
          .map((row) => users.summary(row, ctx.state));
        if (rows.length === 0) return classicNotFound();
        return classicResponse(ctx.request, users.listRoot, rows, 200, users.xmlShapes?.list);
      }),
    },
  ];
}
