import { TargetError } from './target.js';

/** Where a built area lands in `@jamf/pro-api`'s `dist/`. */
const AREA_DIST = './dist/areas/';
/**
 * The subpath folder of every generated entry (`@jamf/pro-api/areas/<tag>`). Generated names live
 * under it so a future Jamf tag can never take a hand-written subpath such as `./privileges`.
 */
export const AREA_SUBPATH = './areas/';

/** The `exports` condition object of one built entry, types first (ESM and CJS). */
function areaExport(tag: string): Record<string, Record<string, string>> {
  return {
    import: { types: `${AREA_DIST}${tag}.d.ts`, default: `${AREA_DIST}${tag}.js` },
    require: { types: `${AREA_DIST}${tag}.d.cts`, default: `${AREA_DIST}${tag}.cjs` },
  };
}

/**
 * Returns `package.json` text whose `exports` has one `./areas/<tag>` entry per area and no stale
 * ones, keeping every other key as it is. When the entries already match, the text comes back
 * untouched, so hand formatting elsewhere in the file never makes `--check` fail. Throws a
 * {@link TargetError} (`ENTRY_COLLISION`) when a hand-written entry already uses an area's subpath.
 */
export function withAreaExports(packageJson: string, tags: readonly string[]): string {
  const pkg = JSON.parse(packageJson) as Record<string, unknown>;
  const current = (pkg.exports ?? {}) as Record<string, unknown>;
  const isArea = (value: unknown) => JSON.stringify(value).includes(`"${AREA_DIST}`);
  const others = Object.entries(current).filter(([, value]) => !isArea(value));
  const taken = others.filter(([key]) => tags.some((tag) => key === `${AREA_SUBPATH}${tag}`));
  if (taken.length > 0) {
    const keys = taken.map(([key]) => `"${key}"`).join(', ');
    throw new TargetError(
      'ENTRY_COLLISION',
      `package.json exports ${keys} by hand, but the generated area entries need ${taken.length === 1 ? 'that subpath' : 'those subpaths'}: rename the hand-written entry (subpaths under ${AREA_SUBPATH} belong to the codegen)`,
    );
  }
  const trailing = others.filter(([key]) => key === './package.json');
  const leading = others.filter(([key]) => key !== './package.json');
  const wanted = Object.fromEntries([
    ...leading,
    ...[...tags].sort().map((tag) => [`${AREA_SUBPATH}${tag}`, areaExport(tag)] as const),
    ...trailing,
  ]);
  // Where the area entries sit among hand-written ones is not ours to enforce.
  const currentAreas = Object.entries(current).filter(([, value]) => isArea(value));
  const isInStep =
    currentAreas.length === tags.length &&
    currentAreas.every(([key, value]) => {
      const tag = key.slice(AREA_SUBPATH.length);
      return (
        key.startsWith(AREA_SUBPATH) &&
        tags.includes(tag) &&
        JSON.stringify(value) === JSON.stringify(areaExport(tag))
      );
    });
  if (isInStep) return packageJson;
  return `${formatCompactJson({ ...pkg, exports: wanted })}\n`;
}

/**
 * JSON in the repo's hand style: two-space indentation, and any object or array whose one-line
 * form fits in 100 columns written on one line (`{ "a": 1 }`, `["x", "y"]`).
 */
export function formatCompactJson(value: unknown, indent = '', prefixLength = 0): string {
  const oneLine = inline(value);
  if (
    indent.length + prefixLength + oneLine.length <= 100 ||
    value === null ||
    typeof value !== 'object'
  ) {
    return oneLine;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((item) => `${inner}${formatCompactJson(item, inner, 0)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const members = Object.entries(value).map(([key, child]) => {
    const head = `${JSON.stringify(key)}: `;
    return `${inner}${head}${formatCompactJson(child, inner, head.length + 1)}`;
  });
  return `{\n${members.join(',\n')}\n${indent}}`;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
  }
  return JSON.stringify(value);
}
