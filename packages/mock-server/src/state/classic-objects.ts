import { type Entity, EntityStore } from './inventory/entity-store.js';

/** An object of a spec-derived Classic resource: its id, its name, and its elements as JSON. */
export interface ClassicObject extends Entity {
  /** The object's elements as Classic's JSON view shows them (`general`, `scope`, …). */
  fields: Record<string, unknown>;
}

/**
 * The objects of the Classic resources the mock derives from the spec (printers, users, …), one
 * store per URL segment, created with its seed objects when first used, so a mock pays only for
 * the resources a request touches and the same seed always gives the same objects.
 */
export class ClassicObjectStores {
  readonly #stores = new Map<string, EntityStore<ClassicObject>>();

  /** The store of `segment`, seeded with `seeds()` when first asked for. */
  store(
    segment: string,
    seeds: () => Iterable<Omit<ClassicObject, 'id'>>,
  ): EntityStore<ClassicObject> {
    let store = this.#stores.get(segment);
    if (store === undefined) {
      store = new EntityStore<ClassicObject>();
      store.seed(seeds());
      this.#stores.set(segment, store);
    }
    return store;
  }
}
