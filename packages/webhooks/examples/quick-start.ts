import { createServer } from 'node:http';
import { basicAuth, createWebhookHandler, memoryDedupeStore } from '@jamf/webhooks';
import { toNodeListener } from '@jamf/webhooks/node';

// The same user name and password as the webhook's Basic authentication in Jamf Pro.
const handle = createWebhookHandler({
  auth: basicAuth({ username: 'jamf', password: process.env.WEBHOOK_PASSWORD ?? '' }),
  on: {
    ComputerAdded: ({ event }) => console.log('enrolled', event.serialNumber, event.jssID),
    SmartGroupComputerMembershipChange: ({ event }) =>
      console.log(event.name, '+', event.groupAddedDevicesIds, '-', event.groupRemovedDevicesIds),
    RestAPIOperation: ({ event, webhook }) =>
      console.log(webhook.eventTimestamp, event.authorizedUsername, event.restAPIOperationType),
  },
  dedupe: memoryDedupeStore({ maxEntries: 10_000 }),
});

// node:http; Bun, Deno, Hono and Next.js take `handle` as it is (see below).
createServer(toNodeListener(handle)).listen(3000);
