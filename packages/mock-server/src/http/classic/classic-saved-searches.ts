import { classicResourceFacts, type XmlShape } from '../../generated/classic-resources.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { Entity } from '../../state/inventory/entity-store.js';
import type { MockState } from '../../state/mock-state.js';
import { hasPrivileges } from '../../state/principal.js';
import type { Route, RouteContext } from '../route.js';
import { classicAdvancedComputerSearches } from './classic-advanced-computer-searches.js';
import { classicAdvancedMobileDeviceSearches } from './classic-advanced-mobile-device-searches.js';
import { classicError } from './classic-error.js';
import { classicResponse } from './classic-format.js';
import { genericClassicResource } from './classic-generic-resource.js';
import { type ClassicResource, classicNotFound } from './classic-resource.js';

const SAVED_SEARCH: XmlShape = { o: { id: 'n', name: 's', type: 's' } };

/**
 * The Classic schema `saved_searches`: `<size>` and one `saved_search` per search with `id`,
 * `name` and `type` (`Computers`, `Mobile Devices` or `Users`).
 */
const SAVED_SEARCHES_SHAPE: XmlShape = { a: 'saved_search', s: true, i: SAVED_SEARCH };

/** One kind of advanced search and the `type` its saved searches carry. */
interface SearchKind {
  type: string;
  /** The privilege objects reading this kind needs (any one). */
  privilegeObjects: readonly string[];
  rows(state: MockState): Iterable<Readonly<Entity>>;
}

/** A kind from its Classic resource. */
function kindOf<T extends Entity>(type: string, resource: ClassicResource<T>): SearchKind {
  return {
    type,
    privilegeObjects: resource.privilegeObjects,
    rows: (state) => resource.store(state).values(),
  };
}

/** One saved search as listed. */
interface SavedSearch {
  id: number;
  name: string;
  type: string;
}

/** The kinds, in the schema's order of `type` (the order of the list; unverified on the wire). */
function searchKinds(document: OpenApiDocument): SearchKind[] {
  const userFacts = classicResourceFacts.advancedusersearches;
  const users = userFacts === undefined ? undefined : genericClassicResource(userFacts);
  return [
    kindOf('Computers', classicAdvancedComputerSearches()),
    kindOf('Mobile Devices', classicAdvancedMobileDeviceSearches(document)),
    ...(users === undefined ? [] : [kindOf('Users', users)]),
  ];
}

/** The saved searches of the kinds the caller may read. */
function readableSearches(kinds: readonly SearchKind[], ctx: RouteContext): SavedSearch[] {
  const { principal } = ctx;
  if (principal === undefined) return [];
  return kinds
    .filter((kind) =>
      kind.privilegeObjects.some((object) => hasPrivileges(principal, [`Read ${object}`])),
    )
    .flatMap((kind) => searchesOf(kind, ctx.state));
}

function searchesOf(kind: SearchKind, state: MockState): SavedSearch[] {
  return [...kind.rows(state)].map((row) => ({
    id: row.id,
    name: row.name,
    type: kind.type,
  }));
}

/**
 * Classic `savedsearches` (read only: `GET /savedsearches`, `/id/{id}`, `/name/{name}`, the 11.30.1
 * Classic spec's paths; jps-api-wrapper calls the resource deprecated in favour of the three
 * advanced search resources): every advanced computer, mobile device and user search the mock
 * keeps, each with its `type`. The caller sees the kinds it may read (`Read Advanced Computer
 * Searches`, … ; unverified) and gets the 403 page with none of them. The kinds number their
 * searches apart, so an id may name one search of each kind: `/id/{id}` and `/name/{name}`
 * answer the first in the list's order (unverified), as `saved_search` `{id, name, type}`
 * (unverified: the schema documents only the list); none is the 404 page.
 */
export function classicSavedSearchRoutes(document: OpenApiDocument): Route[] {
  const kinds = searchKinds(document);
  const privileges = kinds.flatMap((kind) =>
    kind.privilegeObjects.map((object) => `Read ${object}`),
  );
  const allowed = ({ principal }: RouteContext) =>
    principal !== undefined && privileges.some((name) => hasPrivileges(principal, [name]));
  const refused = () =>
    classicError(403, `The account lacks the privilege ${privileges.join(' or ')}`);
  const one = (matches: (search: SavedSearch, key: string) => boolean) => (ctx: RouteContext) => {
    if (!allowed(ctx)) return refused();
    const key = ctx.params.key ?? '';
    const found = readableSearches(kinds, ctx).find((search) => matches(search, key));
    if (found === undefined) return classicNotFound();
    return classicResponse(ctx.request, 'saved_search', found, 200, SAVED_SEARCH);
  };
  return [
    {
      method: 'GET',
      path: '/JSSResource/savedsearches',
      handle: (ctx) =>
        allowed(ctx)
          ? classicResponse(
              ctx.request,
              'saved_searches',
              readableSearches(kinds, ctx),
              200,
              SAVED_SEARCHES_SHAPE,
            )
          : refused(),
    },
    {
      method: 'GET',
      path: '/JSSResource/savedsearches/id/{key}',
      handle: one((search, key) => /^\d{1,9}$/.test(key) && search.id === Number(key)),
    },
    {
      method: 'GET',
      path: '/JSSResource/savedsearches/name/{key}',
      handle: one((search, key) => search.name.toLowerCase() === key.toLowerCase()),
    },
  ];
}
