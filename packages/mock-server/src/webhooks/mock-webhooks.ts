import type {
  AnyWebhookPayload,
  WebhookComputer,
  WebhookEventData,
  WebhookEventName,
  WebhookMobileDevice,
} from '@jamf/webhooks';
import type { MockClock } from '../state/clock.js';
import { EntityStore } from '../state/inventory/entity-store.js';
import type { MockState } from '../state/mock-state.js';
import {
  type DeliveryContext,
  deliver,
  type InProcessReceiver,
  type WebhookDelivery,
} from './delivery.js';
import { serverLifecycle, webhookComputer, webhookMobileDevice } from './event-builders.js';
import { apiOperationEvent, type FiredEvent, stateChanges, takeSnapshot } from './firing-rules.js';
import {
  type MockWebhook,
  type MockWebhookInput,
  type MockWebhookView,
  normalizeWebhook,
  webhookView,
} from './registration.js';

/**
 * Thrown by `mock.webhooks.register` for a registration Jamf would refuse (`INVALID_WEBHOOK`),
 * and by the record builders for an id the mock has no object for (`UNKNOWN_OBJECT`).
 */
export class MockWebhookError extends Error {
  override readonly name = 'MockWebhookError';
  constructor(
    readonly code: 'INVALID_WEBHOOK' | 'UNKNOWN_OBJECT',
    message: string,
  ) {
    super(message);
  }
}

/** Options of the mock's webhooks. */
export interface MockWebhooksOptions {
  /** Origin of the mock, for `jssUrl` in JSSStartup / JSSShutdown. */
  baseUrl: string;
  clock: MockClock;
  /** How deliveries are sent (default: the global `fetch`). */
  fetch?: typeof fetch;
  /** Called for each failed delivery; default: one `console.warn` line (no query, no secret). */
  onDeliveryFailure?: (delivery: WebhookDelivery) => void;
  /** Registered at creation and again by `clear()`, so JSSStartup can reach them. */
  initial?: readonly MockWebhookInput[];
  /** The mock's current state, for the record builders (`computerRecord`, …). */
  state?: () => MockState;
}

const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Set once by {@link MockWebhooks}' static block: its table, passwords included. */
let storeOf: (webhooks: MockWebhooks) => EntityStore<MockWebhook>;

/**
 * The registrations' table of `webhooks`, secrets in plain text: for the Classic routes, which
 * write registrations and keep a password an update leaves out. Not part of the package's
 * surface: a public getter would hand every registration's password to any caller, while
 * `list()` and the Classic GET show only whether one is set.
 */
export function webhookRegistrations(webhooks: MockWebhooks): EntityStore<MockWebhook> {
  return storeOf(webhooks);
}

/**
 * The webhooks of one mock: registrations (also reachable as Classic `/JSSResource/webhooks`),
 * the deliveries they caused, and in-process receivers. Deliveries run in the background: a
 * slow or failing receiver never delays or fails the request that fired it.
 */
export class MockWebhooks {
  #store = new EntityStore<MockWebhook>();
  readonly #deliveries: WebhookDelivery[] = [];
  readonly #pending = new Set<Promise<void>>();
  readonly #receivers = new Map<string, InProcessReceiver>();
  readonly #options: MockWebhooksOptions;
  readonly #context: DeliveryContext;
  #serverUrl: string;

  static {
    storeOf = (webhooks) => webhooks.#store;
  }

  constructor(options: MockWebhooksOptions) {
    this.#options = options;
    this.#serverUrl = options.baseUrl;
    this.#context = {
      fetch: (input, init) => (options.fetch ?? fetch)(input, init),
      receiverFor: (url) => this.#receivers.get(url),
    };
    for (const input of options.initial ?? []) this.register(input);
  }

  /**
   * Registers a webhook as Jamf's Classic API would (defaults: enabled, `text/xml`, no
   * authentication, 5 s to connect, 2 s to read).
   * @throws {MockWebhookError} `INVALID_WEBHOOK` for a registration Jamf would refuse.
   */
  register(input: MockWebhookInput): MockWebhookView {
    const fields = normalizeWebhook(input);
    if (typeof fields === 'string') throw new MockWebhookError('INVALID_WEBHOOK', fields);
    return webhookView(this.#store.create(fields));
  }

  /**
   * Fires `event` with `data` to its registrations, as Jamf Pro does when the event happens: for
   * the events no API call causes (`ComputerCheckIn`, `ComputerPolicyFinished`,
   * `ComputerPushCapabilityChanged`, `MobileDeviceCheckIn`, `MobileDevicePushSent`,
   * `PatchSoftwareTitleUpdated`, `SCEPChallenge`), or any other. Deliveries run in the background
   * and are recorded in {@link deliveries}, as for events the mock fires itself.
   * @example
   * jamf.webhooks.emit('ComputerCheckIn', {
   *   computer: jamf.webhooks.computerRecord(1),
   *   trigger: 'CHECKIN',
   *   username: 'jdoe',
   * });
   */
  emit<E extends WebhookEventName>(
    event: E,
    data: WebhookEventData<E>,
    options: { smartGroupId?: number } = {},
  ): void {
    this.#fire([{ event, data, smartGroupId: options.smartGroupId }]);
  }

  /**
   * Computer `id` of the mock as computer events carry it (for {@link emit}).
   * @throws {MockWebhookError} `UNKNOWN_OBJECT` when the mock has no such computer.
   */
  computerRecord(id: number): WebhookComputer {
    const state = this.#options.state?.();
    const computer = state?.computers.get(id);
    if (state === undefined || computer === undefined) {
      throw new MockWebhookError('UNKNOWN_OBJECT', `no computer with id ${id}`);
    }
    return webhookComputer(computer, state);
  }

  /**
   * Mobile device `id` of the mock as mobile device events carry it (for {@link emit}).
   * @throws {MockWebhookError} `UNKNOWN_OBJECT` when the mock has no such device.
   */
  mobileDeviceRecord(id: number): WebhookMobileDevice {
    const device = this.#options.state?.().mobileDevices.get(id);
    if (device === undefined) {
      throw new MockWebhookError('UNKNOWN_OBJECT', `no mobile device with id ${id}`);
    }
    return webhookMobileDevice(device);
  }

  /** Removes registration `id`; false when there was none. */
  unregister(id: number): boolean {
    return this.#store.delete(id);
  }

  /** The registrations, without their passwords or header values. */
  list(): MockWebhookView[] {
    return this.#store.list().map(webhookView);
  }

  /** Every delivery so far, oldest first; each settles to `delivered` or `failed`. */
  get deliveries(): readonly WebhookDelivery[] {
    return this.#deliveries;
  }

  /**
   * Delivers to `handler` in-process whenever a registration's URL is `url`, with no network:
   * for tests, pass a receiver such as `createWebhookHandler(…)` from `@jamf/webhooks`.
   * Returns a function that detaches it.
   * @throws {MockWebhookError} `INVALID_WEBHOOK` for a URL that is not absolute or a missing handler.
   */
  attach(url: string, handler: InProcessReceiver): () => void {
    if (typeof handler !== 'function' || typeof url !== 'string' || !URL.canParse(url)) {
      throw new MockWebhookError('INVALID_WEBHOOK', 'attach needs an absolute URL and a handler.');
    }
    const key = new URL(url).href;
    this.#receivers.set(key, handler);
    return () => {
      if (this.#receivers.get(key) === handler) this.#receivers.delete(key);
    };
  }

  /** Resolves once every delivery started so far has settled (each is bounded by its timeouts). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /**
   * Fires JSSStartup (the standalone server calls it once listening, with the URL clients use;
   * `jssUrl` and `hostAddress` come from it, and JSSShutdown reuses it).
   */
  startup(serverUrl: string = this.#options.baseUrl): void {
    this.#serverUrl = serverUrl;
    this.#fire([{ event: 'JSSStartup', data: serverLifecycle(serverUrl) }]);
  }

  /** Fires JSSShutdown and waits for the deliveries to settle (the standalone server's `close`). */
  async shutdown(): Promise<void> {
    this.#fire([{ event: 'JSSShutdown', data: serverLifecycle(this.#serverUrl) }]);
    await this.settled();
  }

  /** Forgets registrations (but the initial ones), deliveries and receivers (the mock's `reset()`). */
  clear(): void {
    this.#store = new EntityStore<MockWebhook>();
    this.#deliveries.length = 0;
    this.#receivers.clear();
    for (const input of this.#options.initial ?? []) this.register(input);
  }

  /**
   * Called by the request pipeline before a route runs: when the request is a write and some
   * enabled registration could fire, it notes what the rules compare and returns the function
   * to call with the answer. Costs nothing when no webhook is registered.
   */
  observe(
    request: { readonly method: string },
    path: string,
    state: MockState,
  ): ((response: Response, username: string | undefined) => void) | undefined {
    const method = request.method.toUpperCase();
    if (!WRITE_METHODS.has(method) || this.#store.size === 0) return undefined;
    const events = new Set<WebhookEventName>();
    const smartGroupIds = new Set<number>();
    const mobileSmartGroupIds = new Set<number>();
    for (const row of this.#store.values()) {
      if (!row.enabled) continue;
      events.add(row.event);
      if (row.event === 'SmartGroupComputerMembershipChange' && row.smartGroupId !== undefined) {
        smartGroupIds.add(row.smartGroupId);
      }
      if (
        row.event === 'SmartGroupMobileDeviceMembershipChange' &&
        row.smartGroupId !== undefined
      ) {
        mobileSmartGroupIds.add(row.smartGroupId);
      }
    }
    if (events.size === 0) return undefined;
    const before = takeSnapshot(state, {
      computers: events.has('ComputerAdded') || events.has('ComputerInventoryCompleted'),
      mobileDevices: events.has('MobileDeviceEnrolled') || events.has('MobileDeviceUnEnrolled'),
      smartGroupIds: [...smartGroupIds],
      mobileSmartGroupIds: [...mobileSmartGroupIds],
      commands: events.has('PushSent') || events.has('MobileDeviceCommandCompleted'),
    });
    return (response, username) => {
      try {
        const fired = response.ok ? stateChanges(before, state) : [];
        this.#fire(fired);
        if (username !== undefined && events.has('RestAPIOperation')) {
          const status = response.status;
          const body = response.clone().text();
          this.#track(
            body.then((text) => {
              const event = apiOperationEvent({ method, path }, status, text, username, state);
              if (event) this.#fire([event]);
            }),
          );
        }
      } catch (error) {
        // A bug in a firing rule must not fail the request that caused it.
        console.error('jamf-mock: a webhook firing rule failed', error);
      }
    };
  }

  #fire(fired: readonly FiredEvent[]): void {
    for (const { event, data, smartGroupId } of fired) {
      for (const webhook of this.#store.values()) {
        if (!webhook.enabled || webhook.event !== event) continue;
        if (smartGroupId !== undefined && webhook.smartGroupId !== smartGroupId) continue;
        const payload = {
          webhook: {
            id: webhook.id,
            name: webhook.name,
            webhookEvent: event,
            eventTimestamp: this.#options.clock.now(),
          },
          event: data,
        } as AnyWebhookPayload;
        const delivery: WebhookDelivery = {
          id: this.#deliveries.length + 1,
          webhookId: webhook.id,
          event,
          url: webhook.url,
          contentType: webhook.contentType,
          payload,
          startedAt: this.#options.clock.now(),
          outcome: 'pending',
        };
        this.#deliveries.push(delivery);
        this.#track(
          deliver(structuredClone(webhook), delivery, this.#context).then(() => {
            if (delivery.outcome === 'failed') this.#reportFailure(delivery);
          }),
        );
      }
    }
  }

  #track(work: Promise<void>): void {
    const tracked = work.catch(() => {}).finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
  }

  #reportFailure(delivery: WebhookDelivery): void {
    if (this.#options.onDeliveryFailure) {
      this.#options.onDeliveryFailure(delivery);
      return;
    }
    const url = new URL(delivery.url);
    console.warn(
      `jamf-mock: webhook ${delivery.webhookId} (${delivery.event}) to ${url.origin}${url.pathname} failed: ${delivery.error}`,
    );
  }
}
