import {
  type AnyWebhookPayload,
  createWebhookHandler,
  generateWebhook,
  type WebhookHandlers,
  webhookEventNames,
} from '@jamf/webhooks';
import { describe, expect, it } from 'vitest';
import { MockWebhookError } from '../src/index.js';
import { setupJamfMock } from '../src/vitest.js';

// Events no API call causes (check-ins, policy runs, patch updates, …) are fired by the test
// itself with mock.webhooks.emit, built from the mock's own records; a @jamf/webhooks receiver
// validates what arrives.
const jamf = setupJamfMock({ seed: 3, counts: { computers: 2, mobileDevices: 2 } });
const HOOK = 'https://hooks.example.test/emit';

function receiver(): AnyWebhookPayload[] {
  const got: AnyWebhookPayload[] = [];
  const on = Object.fromEntries(
    webhookEventNames.map((name) => [name, (payload: AnyWebhookPayload) => void got.push(payload)]),
  ) as WebhookHandlers;
  jamf.webhooks.attach(HOOK, createWebhookHandler({ auth: 'none', on }));
  return got;
}

describe('mock.webhooks.emit', () => {
  it("delivers a ComputerCheckIn built from the mock's computer to its registrations only", async () => {
    const got = receiver();
    jamf.webhooks.register({
      name: 'check-ins',
      url: HOOK,
      event: 'ComputerCheckIn',
      contentType: 'application/json',
    });
    jamf.webhooks.register({ name: 'policies', url: HOOK, event: 'ComputerPolicyFinished' });
    const computer = jamf.webhooks.computerRecord(1);
    jamf.webhooks.emit('ComputerCheckIn', { computer, trigger: 'CHECKIN', username: 'jdoe' });
    await jamf.webhooks.settled();
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      webhook: { name: 'check-ins', webhookEvent: 'ComputerCheckIn' },
      event: { computer: { jssID: 1, serialNumber: computer.serialNumber }, trigger: 'CHECKIN' },
    });
    expect(jamf.webhooks.deliveries.map((d) => [d.event, d.outcome])).toEqual([
      ['ComputerCheckIn', 'delivered'],
    ]);
  });

  it("fires mobile device and patch events as XML, with the mock's device record", async () => {
    const got = receiver();
    jamf.webhooks.register({ name: 'device', url: HOOK, event: 'MobileDeviceCheckIn' });
    jamf.webhooks.register({ name: 'patch', url: HOOK, event: 'PatchSoftwareTitleUpdated' });
    jamf.webhooks.emit('MobileDeviceCheckIn', jamf.webhooks.mobileDeviceRecord(2));
    jamf.webhooks.emit(
      'PatchSoftwareTitleUpdated',
      generateWebhook('PatchSoftwareTitleUpdated').event,
    );
    await jamf.webhooks.settled();
    expect(got.map((payload) => payload.webhook.webhookEvent)).toEqual([
      'MobileDeviceCheckIn',
      'PatchSoftwareTitleUpdated',
    ]);
    expect(got[0]?.event).toMatchObject({ jssID: 2 });
  });

  it('refuses a record of an id the mock does not have with a typed error', () => {
    expect(() => jamf.webhooks.computerRecord(999)).toThrow(MockWebhookError);
    expect(() => jamf.webhooks.mobileDeviceRecord(999)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_OBJECT' }),
    );
  });
});
