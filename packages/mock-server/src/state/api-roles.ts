/** An API role: a named set of privileges that API clients are granted through their scopes. */
export interface ApiRole {
  /** Jamf serialises role ids as strings. */
  id: string;
  displayName: string;
  privileges: string[];
}

/** The API roles of the mock. Methods return copies, so callers cannot edit state by accident. */
export class ApiRoleStore {
  readonly #roles = new Map<string, ApiRole>();
  #nextId = 1;

  /** Every role, in id order. */
  list(): ApiRole[] {
    return [...this.#roles.values()].map(copy);
  }

  get(id: string): ApiRole | undefined {
    const role = this.#roles.get(id);
    return role && copy(role);
  }

  /** The role whose display name is `displayName` (Jamf compares them exactly). */
  findByName(displayName: string): ApiRole | undefined {
    for (const role of this.#roles.values())
      if (role.displayName === displayName) return copy(role);
    return undefined;
  }

  create(input: Omit<ApiRole, 'id'>): ApiRole {
    const role: ApiRole = {
      id: String(this.#nextId++),
      displayName: input.displayName,
      privileges: [...input.privileges],
    };
    this.#roles.set(role.id, role);
    return copy(role);
  }

  update(id: string, input: Omit<ApiRole, 'id'>): ApiRole | undefined {
    if (!this.#roles.has(id)) return undefined;
    const role: ApiRole = { id, displayName: input.displayName, privileges: [...input.privileges] };
    this.#roles.set(id, role);
    return copy(role);
  }

  delete(id: string): boolean {
    return this.#roles.delete(id);
  }
}

function copy(role: ApiRole): ApiRole {
  return { id: role.id, displayName: role.displayName, privileges: [...role.privileges] };
}
