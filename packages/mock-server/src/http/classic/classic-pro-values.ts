/** One field's values in the two APIs: Pro's enum value → the Classic text for it. */
export type ProToClassic = Readonly<Record<string, string>>;

/** Pro's enum value for Classic `text` (any case, trimmed); undefined when none matches. */
export function proValueOf(labels: ProToClassic, text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  return Object.keys(labels).find((key) => labels[key]?.toLowerCase() === wanted);
}

/** A stored Pro field as Classic text: the string itself, `''` for anything else. */
export const proText = (value: unknown): string => (typeof value === 'string' ? value : '');
