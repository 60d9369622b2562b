import { listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import { listQueryFields } from '../../spec/resources.js';
import type { ComputerGroup, GroupCriterion } from '../../state/inventory/computer-groups.js';
import { groupMembers } from '../../state/smart-group-members.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { hrefResponse, idParam, notFound, specShaped, withQuery } from './pro-answers.js';

// Pro's smart and static computer groups are views of the same store Classic's
// /JSSResource/computergroups reads, so a group made in one API is the group the other shows,
// with the same members.

type Kind = 'smart' | 'static';

const text = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : fallback;

/** Smart group criteria from a Pro body (computer and mobile device groups spell them alike). */
export function criteriaFrom(
  value: unknown,
  existing: readonly GroupCriterion[],
): GroupCriterion[] {
  if (!Array.isArray(value)) return [...existing];
  return value
    .filter(
      (entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null,
    )
    .map((entry, index) => ({
      name: text(entry.name),
      priority: typeof entry.priority === 'number' ? entry.priority : index,
      andOr: entry.andOr === 'or' ? 'or' : 'and',
      searchType: text(entry.searchType, 'is'),
      value: text(entry.value),
    }));
}

function computerIdsFrom(value: unknown, existing: readonly number[]): number[] {
  if (!Array.isArray(value)) return [...existing];
  return [...new Set(value.map(Number).filter((id) => Number.isInteger(id) && id > 0))];
}

/** The group as Pro shows one object (the item `GET`s of both kinds). */
function view(group: ComputerGroup, ctx: RouteContext): Record<string, unknown> {
  const members = groupMembers(group, ctx.state).map((computer) => String(computer.id));
  return {
    id: String(group.id),
    name: group.name,
    description: '',
    siteId: '-1',
    criteria: group.criteria.map((criterion) => ({
      ...criterion,
      openingParen: false,
      closingParen: false,
    })),
    assignments: members,
    membershipCount: members.length,
    count: members.length,
    smartGroup: group.isSmart,
  };
}

function groupsOf(ctx: RouteContext, kind: Kind): ComputerGroup[] {
  return ctx.state.computerGroups.list().filter((group) => group.isSmart === (kind === 'smart'));
}

function lookup(ctx: RouteContext, kind: Kind): ComputerGroup | undefined {
  const id = idParam(ctx);
  const group = id === undefined ? undefined : ctx.state.computerGroups.get(id);
  return group?.isSmart === (kind === 'smart') ? group : undefined;
}

function fieldsFrom(
  body: Record<string, unknown>,
  kind: Kind,
  existing: ComputerGroup | undefined,
): Omit<ComputerGroup, 'id'> {
  return {
    name: text(body.name, existing?.name),
    isSmart: kind === 'smart',
    criteria: kind === 'smart' ? criteriaFrom(body.criteria, existing?.criteria ?? []) : [],
    computerIds:
      kind === 'static' ? computerIdsFrom(body.assignments, existing?.computerIds ?? []) : [],
  };
}

/** A name check shared by create and replace; undefined when the name may be used. */
function refusedName(ctx: RouteContext, name: string, exceptId?: number): Response | undefined {
  if (name.trim() === '') return jamfError(400, 'INVALID_FIELD', 'name must not be empty', 'name');
  if (ctx.state.computerGroups.isNameTaken(name, exceptId)) {
    return jamfError(
      400,
      'DUPLICATE_FIELD',
      `A computer group named ${name} already exists`,
      'name',
    );
  }
  return undefined;
}

function routesOf(version: 'v2' | 'v3', kind: Kind): Route[] {
  const base = `/${version}/computer-groups/${kind}-groups`;
  const label = kind === 'smart' ? 'Smart computer group' : 'Static computer group';
  return [
    {
      method: 'GET',
      path: base,
      handle: (ctx) =>
        withQuery(() => {
          const fields = listQueryFields(ctx.operation);
          const rows = groupsOf(ctx, kind).map((group) => view(group, ctx));
          const page = listQuery(rows, ctx.url, {
            filterFields: fields,
            sortFields: fields,
            defaultSort: ['id:asc'],
          });
          return specShaped(ctx, page, 200, true);
        }),
    },
    {
      method: 'POST',
      path: base,
      handle: async (ctx) => {
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const fields = fieldsFrom(read.body, kind, undefined);
        const refused = refusedName(ctx, fields.name);
        if (refused) return refused;
        return hrefResponse(ctx, ctx.state.computerGroups.create(fields).id);
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handle: (ctx) => {
        const group = lookup(ctx, kind);
        return group
          ? specShaped(ctx, view(group, ctx), 200, true)
          : notFound(label, ctx.params.id);
      },
    },
    {
      method: 'PUT',
      path: `${base}/{id}`,
      handle: async (ctx) => {
        const group = lookup(ctx, kind);
        if (!group) return notFound(label, ctx.params.id);
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const fields = fieldsFrom(read.body, kind, group);
        const refused = refusedName(ctx, fields.name, group.id);
        if (refused) return refused;
        const updated = ctx.state.computerGroups.update(group.id, fields) as ComputerGroup;
        return specShaped(ctx, view(updated, ctx), 202, true);
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: (ctx) => {
        const group = lookup(ctx, kind);
        if (!group) return notFound(label, ctx.params.id);
        ctx.state.computerGroups.delete(group.id);
        return new Response(null, { status: 204 });
      },
    },
  ];
}

function membership(ctx: RouteContext): Response {
  const group = lookup(ctx, 'smart');
  if (!group) return notFound('Smart computer group', ctx.params.id);
  return specShaped(ctx, {
    members: groupMembers(group, ctx.state).map((computer) => computer.id),
  });
}

/**
 * Pro's computer groups over the store Classic's computer groups use: `/v1/computer-groups`, smart
 * and static groups (v2 and v3) with create, read, list, replace and delete, and smart-group
 * membership.
 */
export function computerGroupRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/computer-groups',
      handle: (ctx) =>
        specShaped(
          ctx,
          ctx.state.computerGroups.list().map((group) => view(group, ctx)),
          200,
          true,
        ),
    },
    ...routesOf('v2', 'smart'),
    ...routesOf('v3', 'smart'),
    ...routesOf('v2', 'static'),
    ...routesOf('v3', 'static'),
    { method: 'GET', path: '/v2/computer-groups/smart-group-membership/{id}', handle: membership },
    { method: 'GET', path: '/v3/computer-groups/smart-group-membership/{id}', handle: membership },
  ];
}
