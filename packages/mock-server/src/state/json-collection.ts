/** A stored object of a generic collection: JSON data with a numeric string `id`. */
export type JsonObject = Record<string, unknown>;

/**
 * One collection of JSON objects keyed by a Jamf-style numeric string id: ids count up from 1 and
 * are never reused. Objects handed in and out are copies, so state changes only through
 * `create`, `replace` and `delete`.
 */
export class JsonCollection {
  readonly #rows = new Map<string, JsonObject>();
  #nextId = 1;

  /** Starts with `seeds`, which get ids 1, 2, 3, … in order. */
  constructor(seeds: Iterable<JsonObject> = []) {
    for (const seed of seeds) this.create(seed);
  }

  /** How many objects the collection holds. */
  get size(): number {
    return this.#rows.size;
  }

  /** Every object, in id order. */
  list(): JsonObject[] {
    return [...this.#rows.values()].map((row) => structuredClone(row));
  }

  /** The object with `id`, or undefined. */
  get(id: string): JsonObject | undefined {
    const row = this.#rows.get(id);
    return row === undefined ? undefined : structuredClone(row);
  }

  /** Stores `fields` under the next id (any `id` of `fields` is replaced) and returns the object. */
  create(fields: JsonObject): JsonObject {
    const id = String(this.#nextId++);
    const row = { ...structuredClone(fields), id };
    this.#rows.set(id, row);
    return structuredClone(row);
  }

  /** Replaces object `id` with `fields` (keeping its id); undefined when there is none. */
  replace(id: string, fields: JsonObject): JsonObject | undefined {
    if (!this.#rows.has(id)) return undefined;
    const row = { ...structuredClone(fields), id };
    this.#rows.set(id, row);
    return structuredClone(row);
  }

  /** Removes object `id`; false when there was none. */
  delete(id: string): boolean {
    return this.#rows.delete(id);
  }
}
