import type { MdmCommandState, MdmCommandTarget } from '../../state/mdm-commands.js';
import { mobileGroupMembers } from '../../state/mobile-group-members.js';
import type { MockState } from '../../state/mock-state.js';
import { hasPrivileges } from '../../state/principal.js';
import { groupMembers } from '../../state/smart-group-members.js';
import type { Route, RouteContext } from '../route.js';
import { classicError } from './classic-error.js';
import { classicResponse, readClassicXml } from './classic-format.js';
import { classicNotFound, xmlList, xmlText } from './classic-resource.js';

// Classic `commandflush` over the mock's one MDM command store: paths, id types, statuses and the
// XML body from the 11.30.1 Classic spec (`/commandflush`, `/commandflush/{idtype}/id/{id}/status/{status}`);
// the same lists in jps-api-wrapper (`classic.py`, `delete_command_flush`) and ruby-jss
// (`flush_mdm_commands`, which flushes unmanaged devices too). A flushed command leaves every
// view: Pro `/v2/mdm/commands`, Classic `computercommands`/`mobiledevicecommands` and the
// device histories. Unverified: "Pending" also clearing NOT_NOW commands (the history lists them
// as pending), a group flushing its members' commands, the 400/404 refusals, and the answer
// (200 with the request echoed as `<commandflush>`; the spec documents no body).

/** The privilege Jamf lists for flushing commands (`Flush MDM Commands`, 11.25.2 privileges). */
const FLUSH_PRIVILEGE = 'Flush MDM Commands';

/** What each `idtype` names, and its list and item elements in the XML body. */
interface FlushIdType {
  idType: string;
  listKey: string;
  itemKey: string;
  /** The devices `id` names (a group: its members), or undefined when nothing has that id. */
  devices: (state: MockState, id: number) => Pick<MdmCommandTarget, 'kind' | 'id'>[] | undefined;
}

const ID_TYPES: readonly FlushIdType[] = [
  {
    idType: 'computers',
    listKey: 'computers',
    itemKey: 'computer',
    devices: (state, id) => (state.computers.get(id) ? [{ kind: 'computer', id }] : undefined),
  },
  {
    idType: 'computergroups',
    listKey: 'computer_groups',
    itemKey: 'computer_group',
    devices: (state, id) => {
      const group = state.computerGroups.get(id);
      return group && groupMembers(group, state).map((c) => ({ kind: 'computer', id: c.id }));
    },
  },
  {
    idType: 'mobiledevices',
    listKey: 'mobile_devices',
    itemKey: 'mobile_device',
    devices: (state, id) =>
      state.mobileDevices.get(id) ? [{ kind: 'mobileDevice', id }] : undefined,
  },
  {
    idType: 'mobiledevicegroups',
    listKey: 'mobile_device_groups',
    itemKey: 'mobile_device_group',
    devices: (state, id) => {
      const group = state.mobileDeviceGroups.get(id);
      return (
        group && mobileGroupMembers(group, state).map((d) => ({ kind: 'mobileDevice', id: d.id }))
      );
    },
  },
];

/** The command states each status clears; `+` may arrive as a space (form encoding). */
const STATUSES: Readonly<Record<string, readonly MdmCommandState[]>> = {
  pending: ['PENDING', 'NOT_NOW'],
  failed: ['ERROR'],
  'pending+failed': ['PENDING', 'NOT_NOW', 'ERROR'],
};

function statesOf(status: string): readonly MdmCommandState[] | undefined {
  return STATUSES[status.trim().toLowerCase().replace(/\s+/g, '+')];
}

/** One flush: a status and the ids of each id type. */
interface FlushRequest {
  status: string;
  ids: ReadonlyMap<FlushIdType, readonly string[]>;
}

/** Checks the privilege, status and ids, then flushes; the answer echoes the request. */
function flush(ctx: RouteContext, request: FlushRequest): Response {
  const { principal } = ctx;
  if (principal === undefined || !hasPrivileges(principal, [FLUSH_PRIVILEGE]))
    return classicError(403, `The account lacks the privilege ${FLUSH_PRIVILEGE}`);
  const states = statesOf(request.status);
  if (states === undefined)
    return classicError(400, 'Status must be Pending, Failed or Pending+Failed');
  const targets: Pick<MdmCommandTarget, 'kind' | 'id'>[] = [];
  let named = 0;
  for (const [idType, ids] of request.ids) {
    for (const id of ids) {
      if (!/^\d{1,9}$/.test(id)) return classicError(400, `Invalid id ${id}`);
      const devices = idType.devices(ctx.state, Number(id));
      if (devices === undefined) return classicNotFound();
      targets.push(...devices);
      named += 1;
    }
  }
  if (named === 0) return classicError(400, 'No computers or mobile devices given');
  ctx.state.mdmCommands.flush(targets, states);
  const echo: Record<string, unknown> = { status: request.status };
  for (const [idType, ids] of request.ids)
    echo[idType.listKey] = ids.map((id) => ({ id: Number(id) }));
  return classicResponse(ctx.request, 'commandflush', echo);
}

/**
 * Classic `commandflush`: `DELETE …/{idtype}/id/{ids}/status/{status}` (ids comma-separated) and
 * `DELETE /JSSResource/commandflush` with a `<commandflush>` body, both needing `Flush MDM
 * Commands`. Removes the pending (`Pending`), failed (`Failed`) or both (`Pending+Failed`)
 * commands of the devices, or of a group's members, from the MDM command store.
 */
export function classicCommandFlushRoutes(): Route[] {
  return [
    {
      method: 'DELETE',
      path: '/JSSResource/commandflush/{idtype}/id/{id}/status/{status}',
      handle: (ctx) => {
        const idType = ID_TYPES.find((type) => type.idType === ctx.params.idtype?.toLowerCase());
        if (idType === undefined)
          return classicError(
            400,
            'idtype must be computers, computergroups, mobiledevices or mobiledevicegroups',
          );
        const ids = (ctx.params.id ?? '').split(',').map((id) => id.trim());
        return flush(ctx, { status: ctx.params.status ?? '', ids: new Map([[idType, ids]]) });
      },
    },
    {
      method: 'DELETE',
      path: '/JSSResource/commandflush',
      handle: async (ctx) => {
        const read = await readClassicXml(ctx.request, 'commandflush', ctx.maxBodyBytes);
        if ('error' in read) return read.error;
        const ids = new Map<FlushIdType, string[]>();
        for (const idType of ID_TYPES) {
          const listed = xmlList(read.value, idType.listKey, idType.itemKey).map(
            (item) => xmlText(item, 'id') ?? '',
          );
          if (listed.length > 0) ids.set(idType, listed);
        }
        return flush(ctx, { status: xmlText(read.value, 'status') ?? '', ids });
      },
    },
  ];
}
