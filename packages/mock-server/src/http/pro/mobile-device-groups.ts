import { listQuery } from '../../query/index.js';
import { listQueryFields } from '../../spec/resources.js';
import type { MobileDeviceGroup } from '../../state/inventory/mobile-device-groups.js';
import { mobileGroupMembers } from '../../state/mobile-group-members.js';
import type { Route, RouteContext } from '../route.js';
import { criteriaFrom, proCriterion } from './computer-groups.js';
import {
  type GroupKind,
  type GroupModel,
  groupKindRoutes,
  groupLabel,
  groupOf,
} from './group-routes.js';
import { notFound, specShaped, withQuery } from './pro-answers.js';

// Pro's mobile device groups (v1 and v2: lists, smart and static groups, membership) are views
// of the store Classic's /JSSResource/mobiledevicegroups reads, so both APIs show one set of
// groups with the same members; smart groups are evaluated like computer groups.

const text = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : fallback;

/** A group as Pro's smart/static group objects show it. */
function view(group: MobileDeviceGroup, ctx: RouteContext): Record<string, unknown> {
  const members = mobileGroupMembers(group, ctx.state);
  const out: Record<string, unknown> = {
    groupId: String(group.id),
    groupName: group.name,
    groupDescription: group.description,
    siteId: '-1',
    count: members.length,
  };
  if (group.isSmart) {
    out.criteria = group.criteria.map(proCriterion);
  } else {
    out.assignments = members.map((device) => ({
      mobileDeviceId: String(device.id),
      selected: true,
    }));
  }
  return out;
}

function assignedIds(value: unknown, existing: readonly number[]): number[] {
  if (!Array.isArray(value)) return [...existing];
  const ids = new Set(existing);
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { mobileDeviceId, selected } = entry as Record<string, unknown>;
    const id = Number(mobileDeviceId);
    if (!Number.isInteger(id) || id < 1) continue;
    if (selected === false) ids.delete(id);
    else ids.add(id);
  }
  return [...ids];
}

function fieldsFrom(
  body: Record<string, unknown>,
  kind: GroupKind,
  existing: MobileDeviceGroup | undefined,
): Omit<MobileDeviceGroup, 'id'> {
  return {
    name: text(body.groupName, existing?.name),
    description: text(body.groupDescription, existing?.description),
    isSmart: kind === 'smart',
    criteria: kind === 'smart' ? criteriaFrom(body.criteria, existing?.criteria ?? []) : [],
    mobileDeviceIds:
      kind === 'static' ? assignedIds(body.assignments, existing?.mobileDeviceIds ?? []) : [],
  };
}

const mobileDeviceGroups: GroupModel<MobileDeviceGroup> = {
  store: (ctx) => ctx.state.mobileDeviceGroups,
  view,
  fieldsFrom,
  nameField: 'groupName',
  noun: 'mobile device group',
  defaultSort: 'groupId:asc',
};

function groupRoutes(version: 'v1' | 'v2', kind: GroupKind): Route[] {
  const label = groupLabel(mobileDeviceGroups, kind);
  return [
    // Smart groups are replaced (PUT, 202), static groups merged (PATCH, 200), as the spec says.
    ...groupKindRoutes(
      mobileDeviceGroups,
      `/${version}/mobile-device-groups/${kind}-groups`,
      kind,
      kind === 'smart' ? { method: 'PUT', status: 202 } : { method: 'PATCH', status: 200 },
    ),
    {
      method: 'GET',
      path: `/${version}/mobile-device-groups/${kind}-group-membership/{id}`,
      handle: (ctx) =>
        withQuery(() => {
          const group = groupOf(mobileDeviceGroups, ctx, kind);
          if (!group) return notFound(label, ctx.params.id);
          const rows = mobileGroupMembers(group, ctx.state).map((device) => ({
            mobileDeviceId: String(device.id),
            displayName: device.name,
            serialNumber: device.serialNumber,
            udid: device.udid,
            model: device.model,
            osVersion: device.osVersion,
            username: device.username,
          }));
          const fields = listQueryFields(ctx.operation);
          const page = listQuery(rows, ctx.url, {
            filterFields: fields,
            sortFields: fields,
            defaultSort: ['displayName:asc'],
          });
          return specShaped(ctx, page, 200, true);
        }),
    },
  ];
}

/** `GET /v1|v2/mobile-device-groups`: every group, smart and static. */
function allGroups(ctx: RouteContext): Response {
  const rows = ctx.state.mobileDeviceGroups.list().map((group) => ({
    id: group.id,
    name: group.name,
    isSmartGroup: group.isSmart,
    description: group.description,
  }));
  return specShaped(ctx, rows, 200, true);
}

/** Pro's mobile device groups (v1 and v2) over the store Classic's mobile device groups use. */
export function mobileDeviceGroupRoutes(): Route[] {
  return [
    { method: 'GET', path: '/v1/mobile-device-groups', handle: allGroups },
    { method: 'GET', path: '/v2/mobile-device-groups', handle: allGroups },
    ...groupRoutes('v1', 'smart'),
    ...groupRoutes('v2', 'smart'),
    ...groupRoutes('v1', 'static'),
    ...groupRoutes('v2', 'static'),
  ];
}
