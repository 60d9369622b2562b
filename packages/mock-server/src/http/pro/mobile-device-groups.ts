import { listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import { listQueryFields } from '../../spec/resources.js';
import type { MobileDeviceGroup } from '../../state/inventory/mobile-device-groups.js';
import { mobileGroupMembers } from '../../state/mobile-group-members.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { criteriaFrom } from './computer-groups.js';
import { hrefResponse, idParam, notFound, specShaped, withQuery } from './pro-answers.js';

// Pro's mobile device groups (v1 and v2: lists, smart and static groups, membership) are views
// of the store Classic's /JSSResource/mobiledevicegroups reads, so both APIs show one set of
// groups with the same members; smart groups are evaluated like computer groups.

type Kind = 'smart' | 'static';

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
    out.criteria = group.criteria.map((criterion) => ({
      ...criterion,
      openingParen: false,
      closingParen: false,
    }));
  } else {
    out.assignments = members.map((device) => ({
      mobileDeviceId: String(device.id),
      selected: true,
    }));
  }
  return out;
}

function lookup(ctx: RouteContext, kind?: Kind): MobileDeviceGroup | undefined {
  const id = idParam(ctx);
  const group = id === undefined ? undefined : ctx.state.mobileDeviceGroups.get(id);
  if (group === undefined || kind === undefined) return group;
  return group.isSmart === (kind === 'smart') ? group : undefined;
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
  kind: Kind,
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

function refusedName(ctx: RouteContext, name: string, exceptId?: number): Response | undefined {
  if (name.trim() === '')
    return jamfError(400, 'INVALID_FIELD', 'groupName must not be empty', 'groupName');
  if (ctx.state.mobileDeviceGroups.isNameTaken(name, exceptId)) {
    return jamfError(
      400,
      'DUPLICATE_FIELD',
      `A mobile device group named ${name} already exists`,
      'groupName',
    );
  }
  return undefined;
}

function groupRoutes(version: 'v1' | 'v2', kind: Kind): Route[] {
  const base = `/${version}/mobile-device-groups/${kind}-groups`;
  const label = kind === 'smart' ? 'Smart mobile device group' : 'Static mobile device group';
  const write = async (ctx: RouteContext, group: MobileDeviceGroup, status: number) => {
    const read = await readJsonObject(ctx.request);
    if ('error' in read) return read.error;
    const fields = fieldsFrom(read.body, kind, group);
    const refused = refusedName(ctx, fields.name, group.id);
    if (refused) return refused;
    const updated = ctx.state.mobileDeviceGroups.update(group.id, fields) as MobileDeviceGroup;
    return specShaped(ctx, view(updated, ctx), status, true);
  };
  return [
    {
      method: 'GET',
      path: base,
      handle: (ctx) =>
        withQuery(() => {
          const fields = listQueryFields(ctx.operation);
          const rows = ctx.state.mobileDeviceGroups
            .list()
            .filter((group) => group.isSmart === (kind === 'smart'))
            .map((group) => view(group, ctx));
          const page = listQuery(rows, ctx.url, {
            filterFields: fields,
            sortFields: fields,
            defaultSort: ['groupId:asc'],
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
        return hrefResponse(ctx, ctx.state.mobileDeviceGroups.create(fields).id);
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
      // Smart groups are replaced (PUT, 202), static groups merged (PATCH, 200), as the spec says.
      method: kind === 'smart' ? 'PUT' : 'PATCH',
      path: `${base}/{id}`,
      handle: (ctx) => {
        const group = lookup(ctx, kind);
        if (!group) return notFound(label, ctx.params.id);
        return write(ctx, group, kind === 'smart' ? 202 : 200);
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: (ctx) => {
        const group = lookup(ctx, kind);
        if (!group) return notFound(label, ctx.params.id);
        ctx.state.mobileDeviceGroups.delete(group.id);
        return new Response(null, { status: 204 });
      },
    },
    {
      method: 'GET',
      path: `/${version}/mobile-device-groups/${kind}-group-membership/{id}`,
      handle: (ctx) =>
        withQuery(() => {
          const group = lookup(ctx, kind);
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
