/**
 * P8: what the webhook receiver costs. Deliveries of all 18 events (generated, seeds 0…), built as
 * standard `Request`s with Basic credentials, are handed one after another to:
 *   - a bare handler that only parses the JSON body and answers 200 (the floor);
 *   - `createWebhookHandler` from @jamf/webhooks: constant-time Basic check (SHA-256 over
 *     WebCrypto), capped streaming read, valibot validation, typed dispatch; JSON bodies;
 *   - the same receiver with the XML form of the same payloads.
 * In-process, no sockets: the figure is the receiver's own CPU cost per event, in events/s. The
 * ratios are receiver ÷ bare per round (a ratio of 0.5 means the receiver handles half as many).
 */
import {
  type AnyWebhookPayload,
  basicAuth,
  createWebhookHandler,
  generateWebhook,
  serializeWebhook,
  webhookEventNames,
} from '@jamf/webhooks';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { interleave } from './harness/interleave.js';
import { ratioResult, variantResult } from './harness/result.js';

const auth = basicAuth({ username: 'bench', password: 'bench-webhook-secret' });

/** Runs P8; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const events = context.quick ? 1_000 : 20_000;
  const rounds = context.quick ? 2 : 5;
  const payloads = Array.from(
    { length: 18 * 20 },
    (_, i) => generateWebhook(webhookEventNames[i % 18]!, { seed: i }) as AnyWebhookPayload,
  );
  const bodies = {
    json: payloads.map((payload) => serializeWebhook(payload, 'json')),
    xml: payloads.map((payload) => serializeWebhook(payload, 'xml')),
  };
  const headers = auth.headersForSending();
  let handled = 0;
  const count = () => {
    handled++;
  };
  const on = Object.fromEntries(webhookEventNames.map((name) => [name, count]));
  const receiver = createWebhookHandler({ auth, on });
  const bare = async (request: Request) => {
    await request.json();
    count();
    return new Response('OK');
  };

  const drive =
    (handle: (request: Request) => Promise<Response>, form: 'json' | 'xml') => async () => {
      const list = bodies[form];
      handled = 0;
      const started = performance.now();
      for (let i = 0; i < events; i++) {
        const { body, contentType } = list[i % list.length]!;
        const response = await handle(
          new Request('http://receiver.bench/jamf', {
            method: 'POST',
            headers: { 'content-type': contentType, ...headers },
            body,
          }),
        );
        if (response.status !== 200) throw new Error(`status ${response.status} at event ${i}`);
      }
      const seconds = (performance.now() - started) / 1000;
      if (handled !== events) throw new Error(`${handled} of ${events} events reached a handler`);
      return events / seconds;
    };

  const names = {
    bare: 'bare handler (JSON.parse only)',
    json: '@jamf/webhooks receiver, JSON',
    xml: '@jamf/webhooks receiver, XML',
  };
  const samples = await interleave(
    [
      { name: names.bare, run: drive(bare, 'json') },
      { name: names.json, run: drive(receiver, 'json') },
      { name: names.xml, run: drive(receiver, 'xml') },
    ],
    {
      rounds,
      warmupRounds: 1,
      onSample: (round, name) => context.log(`round ${round + 1}/${rounds}: ${name}`),
    },
  );
  const bareResult = variantResult(names.bare, 'events/s', samples.get(names.bare)!, true);
  const jsonResult = variantResult(names.json, 'events/s', samples.get(names.json)!, true);
  const xmlResult = variantResult(names.xml, 'events/s', samples.get(names.xml)!, true);
  const bytes = (form: 'json' | 'xml') =>
    Math.round(bodies[form].reduce((sum, b) => sum + b.body.length, 0) / payloads.length);
  return {
    params: { eventsPerSample: events, rounds, distinctPayloads: payloads.length, auth: 'Basic' },
    variants: [bareResult, jsonResult, xmlResult],
    ratios: [
      ratioResult('receiver JSON ÷ bare, events/s', jsonResult, bareResult),
      ratioResult('receiver XML ÷ bare, events/s', xmlResult, bareResult),
    ],
    notes: [`mean body: ${bytes('json')} B as JSON, ${bytes('xml')} B as XML`],
  };
}
