import type { OpenApiDocument } from '../../spec/openapi-document.js';
import { jsonResponse } from '../responses/json-response.js';
import type { Route } from '../route.js';

/**
 * Build timestamp the mock reports after `-t` (2026-01-15T09:30:00Z). Unverified: Jamf reports
 * its own build time; any fixed value keeps answers deterministic.
 */
const BUILD_TIMESTAMP_MS = Date.UTC(2026, 0, 15, 9, 30, 0);

/** The Jamf Pro version a document describes (`x-jamf-source.jamfProVersion`, else `info.version`). */
export function documentVersion(document: OpenApiDocument): string {
  const source = document['x-jamf-source'] as { jamfProVersion?: unknown } | undefined;
  const version = source?.jamfProVersion ?? document.info?.version;
  return typeof version === 'string' && version !== '' ? version : '11.30.1';
}

/**
 * `GET /v1/jamf-pro-version` in Jamf's shape, `{"version": "11.30.1-t1768469400000"}`: the version,
 * `-t` and a build timestamp in ms (a live 11.25.2 server answers `11.25.2-t1772925731845`;
 * /work/shared/reference/README.md, "Facts about live servers"). A `version` that already has a
 * `-t` part is answered as it is.
 */
export function jamfProVersionRoute(version: string): Route {
  const full = version.includes('-t') ? version : `${version}-t${BUILD_TIMESTAMP_MS}`;
  return {
    method: 'GET',
    path: '/v1/jamf-pro-version',
    handle: () => jsonResponse({ version: full }),
  };
}
