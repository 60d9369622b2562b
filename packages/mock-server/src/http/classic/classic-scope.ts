import type { Entity, EntityStore } from '../../state/inventory/entity-store.js';
import type { MockState } from '../../state/mock-state.js';
import { xmlList, xmlObject, xmlText } from './classic-resource.js';

/** The computer scope a Classic policy or macOS configuration profile keeps. */
export interface ComputerScope {
  allComputers: boolean;
  computerIds: number[];
  computerGroupIds: number[];
}

/** Resolves `<computer><id>…</id></computer>` (or by name) entries to ids; a string names the problem. */
export function computerIds(
  state: MockState,
  entries: Record<string, unknown>[],
): number[] | string {
  return entryIds(state.computers, entries, 'Problem with computer in scope');
}

/**
 * Resolves Classic entries naming records of `store` (`<id>`, else `<name>`) to ids; `problem`
 * (the 409 message) when one names nothing.
 */
export function entryIds<T extends Entity>(
  store: Pick<EntityStore<T>, 'get' | 'findBy'>,
  entries: Record<string, unknown>[],
  problem: string,
): number[] | string {
  const ids: number[] = [];
  for (const entry of entries) {
    const id = xmlText(entry, 'id');
    const name = xmlText(entry, 'name');
    const found =
      id !== undefined && /^\d{1,9}$/.test(id)
        ? store.get(Number(id))
        : name !== undefined
          ? store.findBy('name', name as T['name'])
          : undefined;
    if (found === undefined) return problem;
    ids.push(found.id);
  }
  return ids;
}

/** The `scope` element's computer part: all computers, computers and computer groups by id and name. */
export function computerScopeDetail(row: Readonly<ComputerScope>, state: MockState) {
  return {
    all_computers: row.allComputers,
    computers: row.computerIds.map((id) => ({ id, name: state.computers.get(id)?.name ?? '' })),
    computer_groups: row.computerGroupIds.map((id) => ({
      id,
      name: state.computerGroups.get(id)?.name ?? '',
    })),
  };
}

/**
 * Reads the computer part of a `scope` element; what it leaves out keeps `existing`'s value. A
 * string is the 409 message (an unknown computer or group).
 */
export function computerScopeFromXml(
  value: Record<string, unknown>,
  existing: Readonly<ComputerScope> | undefined,
  state: MockState,
): ComputerScope | string {
  const scope = xmlObject(value, 'scope');
  const scoped = xmlList(scope, 'computers', 'computer');
  const computers =
    scoped.length === 0 ? (existing?.computerIds ?? []) : computerIds(state, scoped);
  if (typeof computers === 'string') return computers;
  const groupElements = xmlList(scope, 'computer_groups', 'computer_group');
  const groupIds = groupElements.map((g) => Number(xmlText(g, 'id')));
  if (groupIds.some((id) => !Number.isInteger(id) || state.computerGroups.get(id) === undefined))
    return 'Problem with computer group in scope';
  const all = xmlText(scope, 'all_computers');
  return {
    allComputers:
      all === undefined ? (existing?.allComputers ?? false) : all.toLowerCase() === 'true',
    computerIds: computers,
    computerGroupIds: groupElements.length === 0 ? (existing?.computerGroupIds ?? []) : groupIds,
  };
}
