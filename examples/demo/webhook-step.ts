import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenProvider } from '@jamf/auth';
import { withAuth } from '@jamf/auth';
import { createClassicClient } from '@jamf/classic-api';
import { basicAuth, createWebhookHandler, type WebhookPayload } from '@jamf/webhooks';
import { toNodeListener } from '@jamf/webhooks/node';
import type { Narrator } from './narrator.js';

/** Name of the webhook the demo registers, so a re-run can tell it apart. */
export const WEBHOOK_NAME = 'SDK demo: computer added';
/** How long the step waits for Jamf Pro to deliver the webhook. */
const DELIVERY_WAIT_MS = 15_000;

/** Where the demo runs and as whom; the receiver must be reachable from the server. */
export interface WebhookStepTarget {
  baseUrl: string;
  admin: TokenProvider;
}

/**
 * The webhook step: an @jamf/webhooks receiver listens on 127.0.0.1, a ComputerAdded webhook
 * pointing at it is registered over the Classic API (JSON, Basic authentication), the demo
 * creates a computer over the Pro API, and the receiver's typed handler gets the delivery.
 * Both objects are removed afterwards. A Jamf Pro that is not on this machine cannot reach
 * 127.0.0.1, so there the step only says so.
 */
export async function webhookStep(
  target: WebhookStepTarget,
  say: Narrator,
  createComputer: (name: string) => Promise<number>,
  deleteComputer: (id: number) => Promise<void>,
): Promise<void> {
  const host = new URL(target.baseUrl).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    say.note(`skipped: ${host} cannot reach a receiver on this machine's 127.0.0.1`);
    return;
  }
  const password = crypto.randomUUID();
  const auth = basicAuth({ username: 'jamf-webhooks', password });
  let deliver: (payload: WebhookPayload<'ComputerAdded'>) => void = () => {};
  const delivered = new Promise<WebhookPayload<'ComputerAdded'>>((resolve) => {
    deliver = resolve;
  });
  const server = createServer(
    toNodeListener(
      createWebhookHandler({ auth, on: { ComputerAdded: (payload) => deliver(payload) } }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jamf-webhooks`;
  say.ok(`receiver listening at ${url} (Basic authentication, checked in constant time)`);

  const classic = createClassicClient({
    baseUrl: target.baseUrl,
    fetch: withAuth(fetch, target.admin),
  });
  let webhookId: number | undefined;
  let computerId: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    webhookId = await classic.webhooks.create({
      name: WEBHOOK_NAME,
      enabled: true,
      url,
      content_type: 'application/json',
      event: 'ComputerAdded',
      authentication_type: 'BASIC',
      username: 'jamf-webhooks',
      password,
    });
    say.ok(`webhook ${webhookId} registered for ComputerAdded`);
    computerId = await createComputer('SDK-DEMO-WEBHOOK');
    say.ok(`computer ${computerId} created; waiting for Jamf Pro's POST…`);
    const payload = await Promise.race([
      delivered,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no ComputerAdded delivery within ${DELIVERY_WAIT_MS / 1000} s`)),
          DELIVERY_WAIT_MS,
        );
      }),
    ]);
    say.table(
      ['webhook', 'event', 'jssID', 'device name', 'serial'],
      [
        [
          payload.webhook.name,
          payload.webhook.webhookEvent,
          String(payload.event.jssID),
          payload.event.deviceName,
          payload.event.serialNumber,
        ],
      ],
    );
    say.ok(`the receiver's typed ComputerAdded handler got computer ${payload.event.jssID}`);
  } finally {
    clearTimeout(timer);
    if (computerId !== undefined) await deleteComputer(computerId);
    if (webhookId !== undefined) await classic.webhooks.delete({ id: webhookId });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
