/** The bare media type of a `Content-Type` or `Accept` entry: lower case, parameters dropped. */
export function essence(value: string | null | undefined): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * The media types one spec `content` key stands for. Jamf's document has a key that names two
 * (`text/csv,application/json`), so a key is split on commas.
 */
export function mediaTypesOfKey(key: string): string[] {
  return key
    .split(',')
    .map((part) => essence(part))
    .filter((part) => part.length > 0);
}

/** True when `actual` (a concrete media type) is covered by `pattern` (which may use `*`). */
export function mediaTypeMatches(pattern: string, actual: string): boolean {
  const [pType, pSub] = pattern.split('/');
  const [aType, aSub] = actual.split('/');
  if (pType === undefined || aType === undefined) return false;
  return (pType === '*' || pType === aType) && (pSub === '*' || pSub === aSub);
}

/** True for JSON and `+json` media types (`application/merge-patch+json`). */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}
