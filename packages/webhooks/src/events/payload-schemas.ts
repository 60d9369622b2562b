import * as v from 'valibot';
import type { WebhookEventName } from './event-names.js';
import { computerRecordSchema, integer, mobileDeviceRecordSchema } from './records.js';

const serverLifecycle = v.looseObject({
  hostAddress: v.string(),
  institution: v.string(),
  isClusterMaster: v.boolean(),
  jssUrl: v.string(),
  webApplicationPath: v.string(),
});

// unverified: the device objects in smart group changes are untyped lists in jamf-pro-sdk-python,
// full device records in Jamf's mobile sample; only `jssID` is read, as a number or a string.
const groupDevice = v.looseObject({ jssID: v.optional(v.union([integer, v.string()])) });

const smartGroupChange = (device: typeof groupDevice) =>
  v.looseObject({
    computer: v.boolean(),
    groupAddedDevices: v.array(device),
    groupAddedDevicesIds: v.array(integer),
    groupRemovedDevices: v.array(device),
    groupRemovedDevicesIds: v.array(integer),
    jssid: integer,
    name: v.string(),
    smartGroup: v.boolean(),
  });

/** The schema of `event` for each of the 18 webhook events. */
export const eventSchemas = {
  ComputerAdded: computerRecordSchema,
  ComputerCheckIn: v.looseObject({
    computer: computerRecordSchema,
    trigger: v.string(),
    username: v.string(),
  }),
  ComputerInventoryCompleted: computerRecordSchema,
  ComputerPolicyFinished: v.looseObject({
    computer: computerRecordSchema,
    policyId: integer,
    successful: v.boolean(),
  }),
  ComputerPushCapabilityChanged: computerRecordSchema,
  JSSShutdown: serverLifecycle,
  JSSStartup: serverLifecycle,
  MobileDeviceCheckIn: mobileDeviceRecordSchema,
  MobileDeviceCommandCompleted: mobileDeviceRecordSchema,
  MobileDeviceEnrolled: mobileDeviceRecordSchema,
  MobileDevicePushSent: mobileDeviceRecordSchema,
  MobileDeviceUnEnrolled: mobileDeviceRecordSchema,
  PatchSoftwareTitleUpdated: v.looseObject({
    jssID: integer,
    lastUpdate: integer,
    latestVersion: v.string(),
    name: v.string(),
    // unverified: samples disagree between a `reportUrls` list and a single `reportUrl`.
    reportUrls: v.optional(v.array(v.string())),
    reportUrl: v.optional(v.string()),
  }),
  PushSent: v.looseObject({
    managementId: v.union([integer, v.string()]),
    type: v.string(),
  }),
  RestAPIOperation: v.looseObject({
    authorizedUsername: v.string(),
    objectID: integer,
    objectName: v.string(),
    objectTypeName: v.string(),
    operationSuccessful: v.boolean(),
    restAPIOperationType: v.string(),
  }),
  SCEPChallenge: v.looseObject({
    scepServerUrl: v.string(),
    payloadIdentifier: v.string(),
    payloadTypes: v.array(v.string()),
  }),
  SmartGroupComputerMembershipChange: smartGroupChange(groupDevice),
  SmartGroupMobileDeviceMembershipChange: smartGroupChange(groupDevice),
} satisfies Record<WebhookEventName, v.GenericSchema>;
