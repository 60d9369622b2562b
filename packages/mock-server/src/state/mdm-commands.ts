import type { ManagedDeviceKind } from './inventory/management-id.js';
import { type SeededRandom, seededRandom } from './inventory/seeded-random.js';
import { MockOptionError } from './mock-option-error.js';

/** Where an MDM command stands: Jamf's `MdmCommandState` values a device can leave it in. */
export type MdmCommandState = 'PENDING' | 'ACKNOWLEDGED' | 'NOT_NOW' | 'ERROR';

/** The device an MDM command is for. */
export interface MdmCommandTarget {
  kind: ManagedDeviceKind;
  /** The computer's or mobile device's inventory id. */
  id: number;
  managementId: string;
}

/** One MDM command for one device, as sent through either API. */
export interface MdmCommand {
  /** Classic's numeric id of the command (`/computercommands`, `/mobiledevicecommands`). */
  id: number;
  uuid: string;
  /**
   * The Pro API's `commandType` (`DEVICE_LOCK`), or undefined for a command the Pro API has no
   * type for (such a command is listed by Classic only).
   */
  commandType: string | undefined;
  /** The Classic API's name of the command (`DeviceLock`). */
  classicName: string;
  target: MdmCommandTarget;
  /** The account or API client that sent it (its user name or client id). */
  sentBy: string;
  /** Epoch ms. */
  dateSent: number;
  state: MdmCommandState;
  /** Epoch ms; undefined while the command is pending. */
  dateCompleted: number | undefined;
}

/** What a send names; the store fills in the id, uuid, state and dates. */
export interface MdmCommandInput {
  commandType: string | undefined;
  classicName: string;
  target: MdmCommandTarget;
  sentBy: string;
}

/** A push the mock sent to a device: one per command, and one per blank push. */
export interface MdmPush {
  target: MdmCommandTarget;
  /** The command the push announced; undefined for a blank push. */
  commandUuid: string | undefined;
}

const OUTCOMES: ReadonlySet<string> = new Set(['ACKNOWLEDGED', 'NOT_NOW', 'ERROR']);

/**
 * The MDM commands of one mock, read and written by the Pro (`/v2/mdm/commands`, blank push,
 * redeploy, remove-mdm-profile) and Classic (`computercommands`, `mobiledevicecommands`) views.
 * With no devices to wait for, a command is acknowledged the moment it is sent (`dateCompleted`
 * = `dateSent`), unless `acknowledgesOnSend` is turned off. Uuids are drawn from the seed, so a
 * run is repeatable.
 */
export class MdmCommandStore {
  readonly #commands: MdmCommand[] = [];
  readonly #pushes: MdmPush[] = [];
  readonly #random: SeededRandom;
  // Ids are never reused, even after a flush removes commands.
  #lastId = 0;

  /**
   * Whether a command is acknowledged the moment it is sent (default true). Set it to false to
   * leave new commands `PENDING` until {@link MdmCommandStore.settle} answers for the device,
   * e.g. to test a client that polls for completion. `reset()` turns it back on.
   * @example mock.state.mdmCommands.acknowledgesOnSend = false;
   */
  acknowledgesOnSend = true;

  /** A store whose command uuids are drawn from `seed`. */
  constructor(seed: number) {
    this.#random = seededRandom(seed ^ 0x4d444d31);
  }

  /** Sends one command to one device, with its push; returns the stored command. */
  send(input: MdmCommandInput, now: number): MdmCommand {
    const command: MdmCommand = {
      ...structuredClone(input),
      id: ++this.#lastId,
      uuid: this.#uuid(),
      dateSent: now,
      state: this.acknowledgesOnSend ? 'ACKNOWLEDGED' : 'PENDING',
      dateCompleted: this.acknowledgesOnSend ? now : undefined,
    };
    this.#commands.push(command);
    this.#pushes.push({ target: { ...input.target }, commandUuid: command.uuid });
    return structuredClone(command);
  }

  /**
   * Answers command `uuid` as its device would, at `now` (epoch ms): `ACKNOWLEDGED`, `NOT_NOW`
   * (the device was busy; the command stays open, with no completion date) or `ERROR`. Returns
   * the command, or undefined when no command has that uuid. Fires no webhook (use
   * `mock.webhooks.emit` for MobileDeviceCommandCompleted).
   * @throws {MockOptionError} `INVALID_MOCK_OPTION` for another state.
   */
  settle(
    uuid: string,
    state: Exclude<MdmCommandState, 'PENDING'>,
    now: number,
  ): MdmCommand | undefined {
    if (!OUTCOMES.has(state)) {
      throw new MockOptionError(
        'INVALID_MOCK_OPTION',
        `a command settles as ACKNOWLEDGED, NOT_NOW or ERROR, got ${String(state)}`,
      );
    }
    const command = this.#commands.find((row) => row.uuid === uuid.toLowerCase());
    if (command === undefined) return undefined;
    command.state = state;
    command.dateCompleted = state === 'NOT_NOW' ? undefined : now;
    return structuredClone(command);
  }

  /**
   * Removes the commands of `targets` (each a device kind and inventory id) whose state is one
   * of `states`, as Classic `commandflush` clears a device's pending or failed commands; every
   * view stops listing them. Returns the removed commands, oldest first.
   */
  flush(
    targets: readonly Pick<MdmCommandTarget, 'kind' | 'id'>[],
    states: readonly MdmCommandState[],
  ): MdmCommand[] {
    const isTarget = (command: MdmCommand) =>
      targets.some(({ kind, id }) => command.target.kind === kind && command.target.id === id);
    const removed = this.#commands.filter(
      (command) => states.includes(command.state) && isTarget(command),
    );
    for (const command of removed) this.#commands.splice(this.#commands.indexOf(command), 1);
    return structuredClone(removed);
  }

  /** Sends a blank push (no command) to one device. */
  blankPush(target: MdmCommandTarget): void {
    this.#pushes.push({ target: { ...target }, commandUuid: undefined });
  }

  /** Every command, oldest first. */
  list(): MdmCommand[] {
    return structuredClone(this.#commands);
  }

  /** The command with `uuid` (compared case-insensitively), or undefined. */
  byUuid(uuid: string): MdmCommand | undefined {
    const wanted = uuid.toLowerCase();
    const found = this.#commands.find((command) => command.uuid === wanted);
    return found === undefined ? undefined : structuredClone(found);
  }

  /** How many commands the store holds (sent and not flushed). */
  get size(): number {
    return this.#commands.length;
  }

  /** How many pushes have been sent. */
  get pushCount(): number {
    return this.#pushes.length;
  }

  /** The pushes sent since there were `count` (for the webhooks a request fired). */
  pushesSince(count: number): MdmPush[] {
    return structuredClone(this.#pushes.slice(count));
  }

  #uuid(): string {
    const h = this.#random.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
  }
}
