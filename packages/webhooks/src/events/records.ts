import * as v from 'valibot';

// Field names and types are Jamf's (developer.jamf.com "Webhooks"; jamf-pro-sdk-python's
// webhook models). Objects are loose: a newer Jamf Pro that adds a field still validates, and the
// extra field is kept.

/** An integer, as Jamf's `integer` and `epoch` fields are. */
export const integer = v.pipe(v.number(), v.integer());

/** The computer record that computer events carry (whole, or as `event.computer`). */
export const computerRecordSchema = v.looseObject({
  alternateMacAddress: v.string(),
  building: v.string(),
  department: v.string(),
  deviceName: v.string(),
  emailAddress: v.string(),
  ipAddress: v.string(),
  jssID: integer,
  macAddress: v.string(),
  model: v.string(),
  osBuild: v.string(),
  osVersion: v.string(),
  phone: v.string(),
  position: v.string(),
  realName: v.string(),
  reportedIpAddress: v.string(),
  room: v.string(),
  serialNumber: v.string(),
  udid: v.string(),
  userDirectoryID: v.string(),
  username: v.string(),
  // Added by newer servers (in Jamf's current samples, not in older ones).
  managementId: v.optional(v.string()),
});

/** The mobile device record that mobile device events carry. */
export const mobileDeviceRecordSchema = v.looseObject({
  bluetoothMacAddress: v.string(),
  deviceName: v.string(),
  icciID: v.string(),
  imei: v.string(),
  ipAddress: v.string(),
  jssID: integer,
  model: v.string(),
  modelDisplay: v.string(),
  osBuild: v.string(),
  osVersion: v.string(),
  product: v.string(),
  room: v.string(),
  serialNumber: v.string(),
  udid: v.string(),
  userDirectoryID: v.string(),
  username: v.string(),
  version: v.string(),
  wifiMacAddress: v.string(),
  managementId: v.optional(v.string()),
  // Jamf Pro 11.14.0 changelog: added to the mobile device events.
  mdmCommand: v.optional(v.string()),
  mdmCommandUUID: v.optional(v.string()),
});

/** The `webhook` object every payload starts with: which webhook fired, and when. */
export function webhookHeaderSchema<const E extends string>(event: E) {
  return v.looseObject({
    id: integer,
    name: v.string(),
    webhookEvent: v.literal(event),
    /** Milliseconds since the epoch (Jamf Pro 10.12 and later). */
    eventTimestamp: integer,
  });
}
