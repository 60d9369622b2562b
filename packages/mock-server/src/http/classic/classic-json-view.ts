import type { Entity } from '../../state/inventory/entity-store.js';
import type { JsonCollection, JsonObject } from '../../state/json-collection.js';
import type { ClassicStore } from './classic-resource.js';

/** A Pro object seen by a Classic view: its numeric id, its name, and the Pro fields as stored. */
export interface JsonEntity extends Entity {
  /** The object as the Pro API stores it (its `id` a numeric string). */
  fields: JsonObject;
}

/**
 * A Classic store over a Pro collection, so both APIs read and write one set of objects: a Classic
 * create is listed by Pro and a Pro create is found by Classic. `nameField` is the Pro field the
 * Classic `name` maps to (`packageName` for packages); `normalise` shapes a row as the Pro store
 * keeps it (schema defaults for fields Classic does not know).
 */
export class JsonEntityView implements ClassicStore<JsonEntity> {
  readonly #collection: JsonCollection;
  readonly #nameField: string;
  readonly #normalise: (row: JsonObject) => JsonObject;

  constructor(
    collection: JsonCollection,
    nameField: string,
    normalise: (row: JsonObject) => JsonObject,
  ) {
    this.#collection = collection;
    this.#nameField = nameField;
    this.#normalise = normalise;
  }

  *values(): IterableIterator<Readonly<JsonEntity>> {
    for (const row of this.#collection.list()) {
      const entity = this.#entity(row);
      if (entity) yield entity;
    }
  }

  get(id: number): JsonEntity | undefined {
    const row = this.#collection.get(String(id));
    return row === undefined ? undefined : this.#entity(row);
  }

  isNameTaken(name: string, exceptId?: number): boolean {
    const wanted = name.toLowerCase();
    for (const row of this.values())
      if (row.id !== exceptId && row.name.toLowerCase() === wanted) return true;
    return false;
  }

  create(fields: Omit<JsonEntity, 'id'>): JsonEntity {
    const row = this.#collection.create(this.#row(fields, {}));
    return this.#entity(row) as JsonEntity;
  }

  update(id: number, fields: Partial<Omit<JsonEntity, 'id'>>): JsonEntity | undefined {
    const existing = this.#collection.get(String(id));
    if (existing === undefined) return undefined;
    const next = this.#collection.replace(String(id), this.#row(fields, existing));
    return next === undefined ? undefined : this.#entity(next);
  }

  delete(id: number): boolean {
    return this.#collection.delete(String(id));
  }

  #row(fields: Partial<Omit<JsonEntity, 'id'>>, existing: JsonObject): JsonObject {
    const merged: JsonObject = { ...existing, ...fields.fields };
    if (fields.name !== undefined) merged[this.#nameField] = fields.name;
    return this.#normalise(merged);
  }

  /** Undefined for a row whose id is not a Classic (positive integer) id. */
  #entity(row: JsonObject): JsonEntity | undefined {
    const id = Number(row.id);
    if (!Number.isInteger(id) || id < 1) return undefined;
    const name = row[this.#nameField];
    return { id, name: typeof name === 'string' ? name : '', fields: row };
  }
}
