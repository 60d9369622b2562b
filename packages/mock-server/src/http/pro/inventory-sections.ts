import { jamfError } from '../../spec/jamf-error.js';

/**
 * The sections an inventory request asks for (`section`, repeated or comma-separated), as the
 * view properties `sections` maps them to; `GENERAL` when none is given. An unknown section is
 * Jamf's 400.
 */
export function requestedSections(
  url: URL,
  sections: Readonly<Record<string, string>>,
): string[] | Response {
  const raw = url.searchParams
    .getAll('section')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const names = raw.length === 0 ? ['GENERAL'] : raw;
  const unknown = names.find((name) => sections[name] === undefined);
  if (unknown !== undefined)
    return jamfError(400, 'INVALID_FIELD', `Unknown section ${unknown}`, 'section');
  return [...new Set(names.map((name) => sections[name] as string))];
}

/** A view with only the identifying properties `keep` and the requested `sections`. */
export function onlySections(
  view: Record<string, unknown>,
  keep: readonly string[],
  sections: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keep) out[key] = view[key];
  for (const key of sections) out[key] = view[key];
  return out;
}
