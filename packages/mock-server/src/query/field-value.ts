/** Reads a dotted field path (`general.name`) from an object; undefined when any step is missing. */
export function fieldValue(item: unknown, path: string): unknown {
  let current: unknown = item;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
