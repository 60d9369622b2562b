/** What every inventory record has: a numeric id and a display name. */
export interface Entity {
  id: number;
  name: string;
}

/**
 * A table of one kind of inventory record, keyed by id, with Jamf's rules: ids count up from 1
 * and are never reused, names are unique (case-insensitive). Records handed out are copies, so a
 * caller cannot change state except through `create`, `update` and `delete`.
 */
export class EntityStore<T extends Entity> {
  readonly #rows = new Map<number, T>();
  #nextId = 1;
  #revision = 0;

  /**
   * A number that changes whenever a record is added, replaced or removed: a reader that kept
   * something derived from every row (a list of views) knows it is still current when this is
   * the same.
   */
  get revision(): number {
    return this.#revision;
  }

  /** Every record, in id order. */
  list(): T[] {
    return [...this.#rows.values()].map((row) => structuredClone(row));
  }

  /** How many records the store holds. */
  get size(): number {
    return this.#rows.size;
  }

  /** The record with `id`, or undefined. */
  get(id: number): T | undefined {
    const row = this.#rows.get(id);
    return row === undefined ? undefined : structuredClone(row);
  }

  /** The first record whose `key` equals `value` (strings compare case-insensitively). */
  findBy<K extends keyof T>(key: K, value: T[K]): T | undefined {
    const wanted = typeof value === 'string' ? value.toLowerCase() : value;
    for (const row of this.#rows.values()) {
      const field = row[key];
      if ((typeof field === 'string' ? field.toLowerCase() : field) === wanted)
        return structuredClone(row);
    }
    return undefined;
  }

  /** True when another record (not `exceptId`) already has `name`. */
  isNameTaken(name: string, exceptId?: number): boolean {
    const wanted = name.toLowerCase();
    for (const row of this.#rows.values()) {
      if (row.id !== exceptId && row.name.toLowerCase() === wanted) return true;
    }
    return false;
  }

  /** Adds a record with the next id and returns it. */
  create(fields: Omit<T, 'id'>): T {
    const row = { ...structuredClone(fields), id: this.#nextId++ } as T;
    this.#rows.set(row.id, row);
    this.#revision++;
    return structuredClone(row);
  }

  /** Replaces fields of record `id`; returns the new record, or undefined when there is none. */
  update(id: number, fields: Partial<Omit<T, 'id'>>): T | undefined {
    const row = this.#rows.get(id);
    if (row === undefined) return undefined;
    const next = { ...row, ...structuredClone(fields), id } as T;
    this.#rows.set(id, next);
    this.#revision++;
    return structuredClone(next);
  }

  /** Removes record `id`; false when there was none. */
  delete(id: number): boolean {
    const deleted = this.#rows.delete(id);
    if (deleted) this.#revision++;
    return deleted;
  }

  /** Bulk insert for seeding: takes ownership of `rows` without copying. */
  seed(rows: Iterable<Omit<T, 'id'>>): void {
    for (const fields of rows) {
      const row = { ...fields, id: this.#nextId++ } as T;
      this.#rows.set(row.id, row);
    }
    this.#revision++;
  }

  /** Read-only iteration without copies, for queries over large tables. */
  *values(): IterableIterator<Readonly<T>> {
    yield* this.#rows.values();
  }
}
