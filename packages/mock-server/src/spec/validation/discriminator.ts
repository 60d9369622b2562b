type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rewrites `oneOf` + `discriminator.mapping` into the choice the discriminator means: the value of
 * the property picks one schema, and must be one of the mapping's keys. JSON Schema
 * validators ignore `discriminator`, and Jamf's alternatives overlap (an iOS device also fits the
 * tvOS schema), so a plain `oneOf` would reject valid objects as matching more than one.
 * Returns a rewritten copy; `node` is not changed.
 */
export function discriminatorsAsConditionals(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(discriminatorsAsConditionals);
  if (!isRecord(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) out[key] = discriminatorsAsConditionals(value);
  const discriminator = node.discriminator;
  if (
    !isRecord(discriminator) ||
    typeof discriminator.propertyName !== 'string' ||
    !Array.isArray(node.oneOf)
  ) {
    return out;
  }
  const property = discriminator.propertyName;
  const mapping: Record<string, string> = {};
  if (isRecord(discriminator.mapping)) {
    for (const [key, ref] of Object.entries(discriminator.mapping))
      if (typeof ref === 'string') mapping[key] = ref;
  }
  for (const option of node.oneOf) {
    const ref = isRecord(option) && typeof option.$ref === 'string' ? option.$ref : undefined;
    if (ref !== undefined && !Object.values(mapping).includes(ref))
      mapping[ref.split('/').pop() ?? ref] = ref;
  }
  const { oneOf: _oneOf, discriminator: _discriminator, ...rest } = out;
  // "if the property says `key`, the object must fit `ref`", as `if`/`then`, so a refusal names
  // what the chosen schema misses (`commandData.unlockToken is required`); written as
  // `not(P) or S` it only said "must NOT be valid".
  const choices = Object.entries(mapping).map(([key, ref]) => ({
    if: { properties: { [property]: { const: key } }, required: [property] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `then` keyword, not a thenable
    then: { $ref: ref },
  }));
  const allOf = Array.isArray(rest.allOf) ? rest.allOf : [];
  return {
    ...rest,
    allOf: [
      ...allOf,
      { required: [property], properties: { [property]: { enum: Object.keys(mapping) } } },
      ...choices,
    ],
  };
}
