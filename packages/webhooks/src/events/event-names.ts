/**
 * The 18 webhook events of Jamf Pro, as the Classic `webhook` object's `event` enum lists them
 * (`classic-schemas.json`, Jamf Pro 11.28.0).
 */
export const webhookEventNames = [
  'ComputerAdded',
  'ComputerCheckIn',
  'ComputerInventoryCompleted',
  'ComputerPolicyFinished',
  'ComputerPushCapabilityChanged',
  'JSSShutdown',
  'JSSStartup',
  'MobileDeviceCheckIn',
  'MobileDeviceCommandCompleted',
  'MobileDeviceEnrolled',
  'MobileDevicePushSent',
  'MobileDeviceUnEnrolled',
  'PatchSoftwareTitleUpdated',
  'PushSent',
  'RestAPIOperation',
  'SCEPChallenge',
  'SmartGroupComputerMembershipChange',
  'SmartGroupMobileDeviceMembershipChange',
] as const;

/** The name of one Jamf Pro webhook event, the value of `webhook.webhookEvent`. */
export type WebhookEventName = (typeof webhookEventNames)[number];

const names: ReadonlySet<string> = new Set(webhookEventNames);

/** True when `value` is one of the 18 event names. */
export function isWebhookEventName(value: unknown): value is WebhookEventName {
  return typeof value === 'string' && names.has(value);
}
