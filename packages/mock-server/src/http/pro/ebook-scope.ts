import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { JsonObject } from '../../state/json-collection.js';
import type { Route } from '../route.js';
import { sharedCollectionStore } from './generic-collections.js';
import { notFound, specShaped } from './pro-answers.js';

/** The Pro collection of eBooks, which Classic `ebooks` also reads and writes. */
export const EBOOKS_TEMPLATE = '/v1/ebooks';

/**
 * The key under which an eBook's scope is kept in its Pro row, in the shape of Pro's `EbookScope`.
 * Pro's `Ebook` schema has no such field, so no Pro answer of the eBook itself shows it.
 */
export const EBOOK_SCOPE_KEY = 'scope';

/** `EbookScope`'s "all" switches. */
export const EBOOK_SCOPE_ALL = ['allComputers', 'allMobileDevices', 'allUsers'] as const;

/**
 * `EbookScope`'s id lists the mock keeps (each naming objects it stores), in the scope and in its
 * `exclusions`. Classrooms, users, user groups and `limitations` name objects the mock has no
 * store for: they are always empty.
 */
export const EBOOK_SCOPE_IDS = [
  'computerIds',
  'computerGroupIds',
  'mobileDeviceIds',
  'mobileDeviceGroupIds',
  'buildingIds',
  'departmentIds',
] as const;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const idsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

const noLimitations = () => ({ networkSegments: [], userGroups: [], users: [] });

/** An eBook's scope as Pro's `EbookScope` shows it: everything off for an eBook never scoped. */
export function ebookScopeOf(row: JsonObject): JsonObject {
  const kept = isObject(row[EBOOK_SCOPE_KEY]) ? row[EBOOK_SCOPE_KEY] : {};
  const excluded = isObject(kept.exclusions) ? kept.exclusions : {};
  const scope: JsonObject = {};
  for (const flag of EBOOK_SCOPE_ALL) scope[flag] = kept[flag] === true;
  for (const list of EBOOK_SCOPE_IDS) scope[list] = idsOf(kept[list]);
  const exclusions: JsonObject = {};
  for (const list of EBOOK_SCOPE_IDS) exclusions[list] = idsOf(excluded[list]);
  return {
    ...scope,
    classroomIds: [],
    userIds: [],
    userGroupIds: [],
    limitations: noLimitations(),
    exclusions: { ...exclusions, userIds: [], userGroupIds: [], limitations: noLimitations() },
  };
}

/**
 * `GET /v1/ebooks/{id}/scope`: the scope of the stored eBook (set through Classic `ebooks`, the
 * only API that writes eBooks), 404 for an id that names none.
 */
export function ebookScopeRoutes(document: OpenApiDocument): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/ebooks/{id}/scope',
      handle: (ctx) => {
        const shared = sharedCollectionStore(document, EBOOKS_TEMPLATE, ctx.state);
        if (shared === undefined) throw new Error(`The spec derives no ${EBOOKS_TEMPLATE}`);
        const row = shared.store.get(ctx.params.id ?? '');
        return row === undefined
          ? notFound('Ebook', ctx.params.id)
          : specShaped(ctx, ebookScopeOf(row));
      },
    },
  ];
}
