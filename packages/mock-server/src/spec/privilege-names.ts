import type { OpenApiDocument } from './openapi-document.js';

const cache = new WeakMap<OpenApiDocument, readonly string[]>();

/** Every privilege name some operation of `document` requires (`x-required-privileges`), sorted. */
export function privilegeNames(document: OpenApiDocument): readonly string[] {
  let names = cache.get(document);
  if (!names) {
    const found = new Set<string>();
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        const privileges = (operation as { 'x-required-privileges'?: unknown } | null)?.[
          'x-required-privileges'
        ];
        if (Array.isArray(privileges)) for (const name of privileges) found.add(String(name));
      }
    }
    names = Object.freeze([...found].sort());
    cache.set(document, names);
  }
  return names;
}
