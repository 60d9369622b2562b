import type { XmlShape } from '../../generated/classic-resources.js';
import { classicResourceFacts } from '../../generated/classic-resources.js';
import type { ClassicObject } from '../../state/classic-objects.js';
import type { Entity } from '../../state/inventory/entity-store.js';
import {
  JAMF_PATCH_SOURCE_ID,
  PATCH_CATALOGUE,
  type PatchTitle,
} from '../../state/patch-catalogue.js';
import { isPatchSource, patchExternalSources } from '../../state/patch-management.js';
import type { Route } from '../route.js';
import { classicResponse } from './classic-format.js';
import { genericClassicResource, isDeclared } from './classic-generic-resource.js';
import {
  type ClassicResource,
  type ClassicStore,
  classicNotFound,
  classicResourceRoutes,
  guarded,
} from './classic-resource.js';

/** Jamf's internal patch source as Classic `patchinternalsources` shows it. */
const JAMF_SOURCE: Entity & { enabled: boolean; endpoint: string } = {
  id: JAMF_PATCH_SOURCE_ID,
  name: 'Jamf',
  enabled: true,
  // Unverified: the address of Jamf's patch catalogue server.
  endpoint: 'https://jamf-patch.jamfcloud.com/v1/',
};

/** A store holding the one internal source; only its reads are mounted. */
const internalStore: ClassicStore<Entity> = {
  *values() {
    yield JAMF_SOURCE;
  },
  get: (id) => (id === JAMF_SOURCE.id ? { ...JAMF_SOURCE } : undefined),
  isNameTaken: () => true,
  create: () => {
    throw new Error('The internal patch source is read-only');
  },
  update: () => undefined,
  delete: () => false,
};

/**
 * Classic `patchinternalsources`: Jamf's own source only, id 1, read by id, by name and in the
 * list; the spec declares reads only (a write answers 405 as for any undeclared method).
 */
const classicPatchInternalSources: ClassicResource<Entity> = {
  plural: 'patchinternalsources',
  privilegeObjects: ['Patch Internal Source'],
  listRoot: 'patch_internal_sources',
  root: 'patch_internal_source',
  store: () => internalStore,
  summary: (row) => ({ id: row.id, name: row.name }),
  detail: (row) => ({ ...JAMF_SOURCE, id: row.id, name: row.name }),
  lookups: { name: (row) => row.name },
  fromXml: () => 'The internal patch source is read-only',
  isNameUnique: true,
};

/**
 * Classic's `patch_available_titles`: an `available_titles` list of `available_title` elements,
 * as ruby-jss reads it (`PatchSource::AVAILABLE_TITLES_DATA_MAP`: `patch_available_titles` →
 * `available_titles` → items); its `<size>` first, as in the mock's other Classic lists (the
 * Classic schema marks the list sized).
 */
const AVAILABLE_TITLES_SHAPE: XmlShape = {
  o: {
    available_titles: {
      a: 'available_title',
      s: true,
      i: {
        o: {
          name_id: 's',
          current_version: 's',
          publisher: 's',
          last_modified: 's',
          app_name: 's',
        },
      },
    },
  },
};

const availableTitle = (title: PatchTitle) => ({
  name_id: title.nameId,
  current_version: title.versions[0]?.version ?? '',
  publisher: title.publisher,
  last_modified: title.lastModified,
  app_name: title.name,
});

/**
 * Classic's patch sources: `patchinternalsources` (Jamf's, read-only), `patchexternalsources`
 * (create, read, update, delete as the spec declares, their elements as the Classic schema
 * types them; ids from 2, see `patchExternalSources`) and `patchavailabletitles/sourceid/{id}`:
 * the titles a source offers, Jamf's the mock's fixed catalogue, an external source none (the
 * mock reaches no outside server; unverified), 404 for an id naming no source.
 */
export function classicPatchSourceRoutes(): Route[] {
  const facts = classicResourceFacts.patchexternalsources;
  const generic = facts === undefined ? undefined : genericClassicResource(facts);
  if (facts === undefined || generic === undefined)
    throw new Error('The Classic spec describes no patchexternalsources');
  const external: ClassicResource<ClassicObject> = { ...generic, store: patchExternalSources };
  const available = guarded(
    { privilegeObjects: ['Patch Management Software Titles'] },
    'GET',
    (ctx) => {
      const raw = ctx.params.id ?? '';
      const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
      if (!isPatchSource(ctx.state, id)) return classicNotFound();
      const titles = id === JAMF_PATCH_SOURCE_ID ? PATCH_CATALOGUE.map(availableTitle) : [];
      return classicResponse(
        ctx.request,
        'patch_available_titles',
        { available_titles: titles },
        200,
        AVAILABLE_TITLES_SHAPE,
      );
    },
  );
  return [
    ...classicResourceRoutes(classicPatchInternalSources).filter((route) => route.method === 'GET'),
    ...classicResourceRoutes(external).filter((route) => isDeclared(facts, route)),
    { method: 'GET', path: '/JSSResource/patchavailabletitles/sourceid/{id}', handle: available },
  ];
}
