import type { MockState } from '../../state/mock-state.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { specShaped } from './pro-answers.js';

// `POST /v1/mdm/renew-profile` with `{ udids }` answers 202 `{ udidsNotProcessed: { udids } }`
// (11.30.1 spec: `Udids` in, `RenewMdmProfileResponse` out). It answered a generated UDID
// (`udids-6637`) whatever was sent, which jamf-pro-sdk-python's `renew_mdm_profile_v1` refuses
// (it reads the list as UUIDs). Which UDIDs are "not processed" is unverified: the mock names
// those of no managed computer or mobile device, which could not take the renewal.

/** Whether `udid` is a managed computer's or mobile device's, compared case-insensitively. */
function isManagedDevice(state: MockState, udid: string): boolean {
  const wanted = udid.toUpperCase();
  for (const computer of state.computers.values()) {
    if (computer.udid.toUpperCase() === wanted) return computer.isManaged;
  }
  for (const device of state.mobileDevices.values()) {
    if (device.udid.toUpperCase() === wanted) return device.isManaged;
  }
  return false;
}

async function renewProfiles(ctx: RouteContext): Promise<Response> {
  const read = await readJsonObject(ctx.request);
  if ('error' in read) return read.error;
  const udids = Array.isArray(read.body.udids) ? read.body.udids.map(String) : [];
  const notProcessed = udids.filter((udid) => !isManagedDevice(ctx.state, udid));
  return specShaped(ctx, { udidsNotProcessed: { udids: notProcessed } }, 202);
}

/** The MDM profile renewal route: `POST /v1/mdm/renew-profile`. */
export function mdmRenewProfileRoute(): Route {
  return { method: 'POST', path: '/v1/mdm/renew-profile', handle: renewProfiles };
}
