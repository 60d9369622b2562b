import type { Entity } from '../../state/inventory/entity-store.js';
import type { Route } from '../route.js';
import { classicResponse } from './classic-format.js';
import {
  type ClassicResource,
  classicNotFound,
  findClassicRow,
  guarded,
} from './classic-resource.js';
import { wildcardPattern } from './classic-wildcard.js';

/** A section name as Jamf's subsets spell it, lower-case and without `_` (`ExtensionAttributes`). */
const sectionKey = (name: string) => name.toLowerCase().replaceAll('_', '');

/**
 * `GET /JSSResource/{plural}/{lookup}/{key}/subset/{subset}` for every lookup of `resource`:
 * only the sections the subset names, `&`-separated and case-insensitive
 * (`/computers/id/3/subset/General&Hardware`, Jamf's Classic API reference). A name the mock
 * does not model is left out (unverified: what Jamf does with an unknown subset name).
 */
export function classicSubsetRoutes<T extends Entity>(resource: ClassicResource<T>): Route[] {
  return ['id', ...Object.keys(resource.lookups)].map((by) => ({
    method: 'GET',
    path: `/JSSResource/${resource.plural}/${by}/{key}/subset/{subset}`,
    handle: guarded(resource, 'GET', (ctx) => {
      const row = findClassicRow(resource, ctx, by);
      if (row === undefined) return classicNotFound();
      const wanted = new Set(
        (ctx.params.subset ?? '')
          .split('&')
          .map(sectionKey)
          .map((name) => sectionKey(resource.subsetSections?.[name] ?? name)),
      );
      const detail = resource.detail(row, ctx.state);
      const picked: Record<string, unknown> = {};
      for (const [section, value] of Object.entries(detail))
        if (wanted.has(sectionKey(section))) picked[section] = value;
      return classicResponse(ctx.request, resource.root, picked, 200, resource.xmlShapes?.object);
    }),
  }));
}

/** What `/match/{pattern}` compares and answers for one resource. */
export interface ClassicMatch<T extends Entity> {
  /** Texts a pattern is matched against (name, serial number, …). */
  fields(row: Readonly<T>): readonly string[];
  /** Extra path names of the same search, e.g. `name` for `/computers/match/name/{pattern}`. */
  byField?: Readonly<Record<string, (row: Readonly<T>) => string>>;
}

/**
 * `GET /JSSResource/{plural}/match/{pattern}`: the records any of whose searched fields match the
 * pattern (`*` wildcard), as the list element with the resource's summaries. Jamf documents the
 * path and the wildcard (Classic API reference); which fields it searches is unverified — the
 * mock searches those the Jamf Pro simple search shows (name, serial number, UDID, MAC, user).
 */
export function classicMatchRoutes<T extends Entity>(
  resource: ClassicResource<T>,
  match: ClassicMatch<T>,
): Route[] {
  const answer = (read: (row: Readonly<T>) => readonly string[]) =>
    guarded(resource, 'GET', (ctx) => {
      const pattern = wildcardPattern(ctx.params.pattern ?? '');
      const rows = [...resource.store(ctx.state).values()]
        .filter((row) => read(row).some((text) => pattern.test(text)))
        .map((row) => resource.summary(row, ctx.state));
      return classicResponse(ctx.request, resource.listRoot, rows);
    });
  const base = `/JSSResource/${resource.plural}/match`;
  return [
    { method: 'GET', path: `${base}/{pattern}`, handle: answer(match.fields) },
    ...Object.entries(match.byField ?? {}).map(([name, read]) => ({
      method: 'GET',
      path: `${base}/${name}/{pattern}`,
      handle: answer((row: Readonly<T>) => [read(row)]),
    })),
  ];
}
