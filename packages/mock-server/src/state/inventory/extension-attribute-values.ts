/**
 * A device's extension attribute values: the id of each definition that holds a value on the
 * device (Pro `definitionId`, Classic `<id>`) → its values. A definition without an entry has no
 * value on the device; an entry outlives its definition unread (definition ids are never reused).
 */
export type ExtensionAttributeValues = Readonly<Record<string, readonly string[]>>;

/** `current` with each definition id of `updates` holding its new values (blank values dropped). */
export function withExtensionAttributeValues(
  current: ExtensionAttributeValues,
  updates: ReadonlyMap<string, readonly string[]>,
): ExtensionAttributeValues {
  const next: Record<string, readonly string[]> = { ...current };
  for (const [definitionId, values] of updates) {
    const kept = values.filter((value) => value !== '');
    if (kept.length === 0) delete next[definitionId];
    else next[definitionId] = kept;
  }
  return next;
}
