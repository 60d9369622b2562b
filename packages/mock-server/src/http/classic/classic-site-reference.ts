import type { MockState } from '../../state/mock-state.js';
import { sitesOf } from '../../state/sites.js';
import { proText } from './classic-pro-values.js';
import { xmlText } from './classic-resource.js';

/** The site a Pro `siteId` names, as Classic shows it (`-1`/`None` for none). */
export function siteOf(siteId: unknown, state: MockState): { id: number; name: string } {
  const id = Number(siteId);
  const site = Number.isInteger(id) && id > 0 ? sitesOf(state).get(String(id)) : undefined;
  return site === undefined ? { id: -1, name: 'None' } : { id, name: proText(site.name) };
}

/**
 * Pro's `siteId` for a Classic `<site>` element (by `<id>`, else by `<name>`; none or `None` is
 * `-1`); undefined when it names no site.
 */
export function siteIdFromXml(site: Record<string, unknown>, state: MockState): string | undefined {
  const id = xmlText(site, 'id');
  const name = xmlText(site, 'name');
  if (id !== undefined && Number(id) > 0)
    return sitesOf(state).get(String(Number(id))) === undefined ? undefined : String(Number(id));
  if (name === undefined || name === '' || name.toLowerCase() === 'none') return '-1';
  const wanted = name.toLowerCase();
  const found = sitesOf(state)
    .list()
    .find((row) => proText(row.name).toLowerCase() === wanted);
  return found === undefined ? undefined : String(found.id);
}
