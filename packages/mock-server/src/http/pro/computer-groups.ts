import type { ComputerGroup, GroupCriterion } from '../../state/inventory/computer-groups.js';
import { groupMembers } from '../../state/smart-group-members.js';
import type { Route, RouteContext } from '../route.js';
import {
  type GroupKind,
  type GroupModel,
  groupKindRoutes,
  groupLabel,
  groupOf,
} from './group-routes.js';
import { notFound, specShaped } from './pro-answers.js';

// Pro's smart and static computer groups are views of the same store Classic's
// /JSSResource/computergroups reads, so a group made in one API is the group the other shows,
// with the same members.

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
      openingParen: entry.openingParen === true,
      closingParen: entry.closingParen === true,
    }));
}

/** A stored criterion as Pro's `SmartSearchCriterion` shows it, parentheses always present. */
export function proCriterion(criterion: GroupCriterion) {
  return {
    ...criterion,
    openingParen: criterion.openingParen === true,
    closingParen: criterion.closingParen === true,
  };
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
    criteria: group.criteria.map(proCriterion),
    assignments: members,
    membershipCount: members.length,
    count: members.length,
    smartGroup: group.isSmart,
  };
}

function fieldsFrom(
  body: Record<string, unknown>,
  kind: GroupKind,
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

const computerGroups: GroupModel<ComputerGroup> = {
  store: (ctx) => ctx.state.computerGroups,
  view,
  fieldsFrom,
  nameField: 'name',
  noun: 'computer group',
  defaultSort: 'id:asc',
};

function routesOf(version: 'v2' | 'v3', kind: GroupKind): Route[] {
  return groupKindRoutes(computerGroups, `/${version}/computer-groups/${kind}-groups`, kind, {
    method: 'PUT',
    status: 202,
  });
}

function membership(ctx: RouteContext): Response {
  const group = groupOf(computerGroups, ctx, 'smart');
  if (!group) return notFound(groupLabel(computerGroups, 'smart'), ctx.params.id);
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
