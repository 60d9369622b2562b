import { JsonCollection, type JsonObject } from './json-collection.js';

/**
 * The generic state of one mock: a collection per concrete collection path (a sub-collection per
 * parent, e.g. `/v1/buildings/3/history`) and one object per settings path. Collections and
 * settings are created on first use from the seed functions handed in, so a mock pays only for
 * the resources a test touches, and the same seed always gives the same objects.
 */
export class JsonCollections {
  readonly #collections = new Map<string, JsonCollection>();
  readonly #settings = new Map<string, JsonObject>();

  /** The collection at `path`, created with `seeds()` when first asked for. */
  collection(path: string, seeds: () => Iterable<JsonObject>): JsonCollection {
    let collection = this.#collections.get(path);
    if (!collection) {
      collection = new JsonCollection(seeds());
      this.#collections.set(path, collection);
    }
    return collection;
  }

  /** The collection at `path` if something has created it, else undefined (nothing is seeded). */
  existing(path: string): JsonCollection | undefined {
    return this.#collections.get(path);
  }

  /** The settings object at `path`: what was last stored, else `initial()`. */
  settings(path: string, initial: () => JsonObject): JsonObject {
    const stored = this.#settings.get(path);
    return structuredClone(stored ?? initial());
  }

  /** Stores the settings object at `path`. */
  storeSettings(path: string, value: JsonObject): void {
    this.#settings.set(path, structuredClone(value));
  }
}
