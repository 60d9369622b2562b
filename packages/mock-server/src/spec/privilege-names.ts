import type { OpenApiDocument } from './openapi-document.js';

const cache = new WeakMap<OpenApiDocument, WeakMap<readonly string[], readonly string[]>>();
const NONE: readonly string[] = Object.freeze([]);

/**
 * Every API role privilege name the mock knows, sorted: `listed` (the catalogue a live Jamf Pro
 * lists at `GET /v1/api-role-privileges`, generated into `generated/privilege-catalogue.ts`)
 * together with every name an operation of `document` requires (`x-required-privileges`).
 * Roles accept exactly these names, and the Classic guard asks for names among them.
 */
export function privilegeNames(
  document: OpenApiDocument,
  listed: readonly string[] = NONE,
): readonly string[] {
  let byList = cache.get(document);
  if (!byList) {
    byList = new WeakMap();
    cache.set(document, byList);
  }
  let names = byList.get(listed);
  if (!names) {
    const found = new Set<string>(listed);
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        const privileges = (operation as { 'x-required-privileges'?: unknown } | null)?.[
          'x-required-privileges'
        ];
        if (Array.isArray(privileges)) for (const name of privileges) found.add(String(name));
      }
    }
    names = Object.freeze([...found].sort());
    byList.set(listed, names);
  }
  return names;
}
