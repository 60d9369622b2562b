import type { XmlShape } from '../../generated/classic-resources.js';
import type { Computer } from '../../state/inventory/computers.js';
import type { Entity } from '../../state/inventory/entity-store.js';
import type { MobileDevice } from '../../state/inventory/mobile-devices.js';
import type { MockState } from '../../state/mock-state.js';
import type { Route, RouteHandler } from '../route.js';
import {
  classicComputerManagement,
  classicComputerManagementShape,
  classicComputerPatchSections,
} from './classic-computer-management.js';
import { classicComputers, classicMobileDevices } from './classic-computers.js';
import {
  classicComputerHistory,
  classicComputerHistoryShape,
  classicMobileDeviceHistory,
  classicMobileDeviceHistoryShape,
} from './classic-device-history.js';
import { classicResponse } from './classic-format.js';
import { type ClassicJssUserOptions, classicJssUserRoute } from './classic-jss-user.js';
import {
  type ClassicResource,
  classicNotFound,
  findClassicRow,
  guarded,
} from './classic-resource.js';
import { classicSubsetRoutes } from './classic-subset-match.js';

/**
 * A read-only view of a device resource: the device's store, lookups and privilege, under
 * another segment and root element, with its own record.
 */
function deviceView<T extends Entity>(
  device: ClassicResource<T>,
  view: {
    plural: string;
    root: string;
    shape: XmlShape;
    detail: (row: Readonly<T>, state: MockState) => Record<string, unknown>;
    lookups?: ClassicResource<T>['lookups'];
  },
): ClassicResource<T> {
  return {
    ...device,
    plural: view.plural,
    root: view.root,
    listRoot: view.root,
    detail: view.detail,
    lookups: view.lookups ?? device.lookups,
    xmlShapes: { object: view.shape },
    subsetSections: undefined,
  };
}

/** `GET /JSSResource/{plural}/{lookup}/{key}` for `id` and each lookup of `view`. */
function viewRoutes<T extends Entity>(view: ClassicResource<T>): Route[] {
  return ['id', ...Object.keys(view.lookups)].map((by) => ({
    method: 'GET',
    path: `/JSSResource/${view.plural}/${by}/{key}`,
    handle: guarded(view, 'GET', (ctx) => {
      const row = findClassicRow(view, ctx, by);
      if (row === undefined) return classicNotFound();
      return classicResponse(
        ctx.request,
        view.root,
        view.detail(row, ctx.state),
        200,
        view.xmlShapes?.object,
      );
    }),
  }));
}

/** Computer history: `Read Computers` (unverified: the closest privilege, as for the record). */
const computerHistory = deviceView<Computer>(classicComputers, {
  plural: 'computerhistory',
  root: 'computer_history',
  shape: classicComputerHistoryShape,
  detail: classicComputerHistory,
});

/** Computer management: `Read Computers` (unverified, as above). */
const computerManagement = deviceView<Computer>(classicComputers, {
  plural: 'computermanagement',
  root: 'computer_management',
  shape: classicComputerManagementShape,
  detail: classicComputerManagement,
});

/**
 * Mobile device history: `Read Mobile Devices` (unverified, as above); the spec's `macaddress`
 * lookup reads the Wi-Fi address, the only MAC address the mock keeps for a mobile device.
 */
const mobileDeviceHistory = deviceView<MobileDevice>(classicMobileDevices, {
  plural: 'mobiledevicehistory',
  root: 'mobile_device_history',
  shape: classicMobileDeviceHistoryShape,
  detail: classicMobileDeviceHistory,
  lookups: { ...classicMobileDevices.lookups, macaddress: (row) => row.wifiMacAddress },
});

/** The handler of `routes`' route at `path` (built from the same lookups, so always there). */
function handlerAt(routes: readonly Route[], path: string): RouteHandler {
  const route = routes.find((candidate) => candidate.path === path);
  return route?.handle ?? (() => classicNotFound());
}

/**
 * Computer management's paths beside the lookups: `…/{lookup}/{key}/username/{username}`
 * (with and without `/subset/{subset}`) and `…/{lookup}/{key}/patchfilter/{filter}`. The spec
 * declares them on `id`; jps-api-wrapper's `get_computer_management` (`classic.py`) sends
 * `username` and subsets after any lookup, so the mock serves them on every lookup. The mock
 * keeps nothing scoped to a user, so `username` answers what its lookup does; `patchfilter`
 * answers the patch sections alone (the spec: only patch information is shown), narrowed to the
 * titles the filter names (see `classicComputerPatchSections`).
 */
function computerManagementExtraRoutes(): Route[] {
  const plain = viewRoutes(computerManagement);
  const subsets = classicSubsetRoutes(computerManagement);
  const base = '/JSSResource/computermanagement';
  return ['id', ...Object.keys(computerManagement.lookups)].flatMap((by) => [
    {
      method: 'GET',
      path: `${base}/${by}/{key}/username/{username}`,
      handle: handlerAt(plain, `${base}/${by}/{key}`),
    },
    {
      method: 'GET',
      path: `${base}/${by}/{key}/username/{username}/subset/{subset}`,
      handle: handlerAt(subsets, `${base}/${by}/{key}/subset/{subset}`),
    },
    {
      method: 'GET',
      path: `${base}/${by}/{key}/patchfilter/{filter}`,
      handle: guarded(computerManagement, 'GET', (ctx) => {
        const row = findClassicRow(computerManagement, ctx, by);
        if (row === undefined) return classicNotFound();
        return classicResponse(
          ctx.request,
          computerManagement.root,
          classicComputerPatchSections(row, ctx.state, ctx.params.filter),
          200,
          computerManagement.xmlShapes?.object,
        );
      }),
    },
  ]);
}

/**
 * The Classic API's read-only device views and `jssuser`: `computerhistory`,
 * `mobiledevicehistory` and `computermanagement` by `id`, `name`, `udid`, `serialnumber` and
 * `macaddress` (the 11.30.1 Classic spec's lookups), each with `/subset/{subset}` (`&`-separated
 * section names, any case, as the device records take them; the spec declares subsets on `id`,
 * jps-api-wrapper sends them after any lookup), over the mock's devices, groups,
 * policies, profiles and MDM commands; 404 status page for an unknown device. JSON or XML by
 * `Accept`, as every Classic read.
 */
export function classicDeviceViewRoutes(options: ClassicJssUserOptions): Route[] {
  return [
    ...viewRoutes(computerHistory),
    ...classicSubsetRoutes(computerHistory),
    ...viewRoutes(mobileDeviceHistory),
    ...classicSubsetRoutes(mobileDeviceHistory),
    ...viewRoutes(computerManagement),
    ...classicSubsetRoutes(computerManagement),
    ...computerManagementExtraRoutes(),
    classicJssUserRoute(options),
  ];
}
