/** One version of a patch title's definition, newest first in {@link PatchTitle.versions}. */
export interface PatchVersion {
  version: string;
  /** ISO 8601 date-time the version was released. */
  releaseDate: string;
  minimumOperatingSystem: string;
}

/** An extension attribute a title's definition brings: an admin accepts it before it runs. */
export interface PatchExtensionAttribute {
  /** Pro's `eaId`. */
  id: string;
  displayName: string;
  /** The script's text (Pro answers it base64-encoded). */
  script: string;
}

/** A software title a patch source offers (Classic `patchavailabletitles`, Pro `softwareTitleId`). */
export interface PatchTitle {
  /** Pro's `softwareTitleId` of the title. */
  id: string;
  /** Classic `name_id`, Pro `softwareTitleNameId`. */
  nameId: string;
  /** Title name (Pro `softwareTitleName`). */
  name: string;
  /** The app bundle the title patches (Classic `app_name`), matched against inventory. */
  appName: string;
  publisher: string;
  /** Classic `last_modified` (ISO 8601). */
  lastModified: string;
  /** Definition versions, newest first. */
  versions: readonly PatchVersion[];
  /** Extension attributes the definition brings (none for most titles). */
  extensionAttributes: readonly PatchExtensionAttribute[];
}

/** Id of the one internal patch source: Jamf's own catalogue. */
export const JAMF_PATCH_SOURCE_ID = 1;

const version = (v: string, date: string, os = '12.0'): PatchVersion => ({
  version: v,
  releaseDate: `${date}T00:00:00Z`,
  minimumOperatingSystem: os,
});

/**
 * The titles Jamf's internal source offers in the mock: a small fixed catalogue of well-known
 * apps. Unverified beyond its shape: the `name_id`s, versions, dates and the one extension
 * attribute (Zoom's) are the mock's own, not Jamf's catalogue.
 */
export const PATCH_CATALOGUE: readonly PatchTitle[] = [
  {
    id: '1',
    nameId: 'GoogleChrome',
    name: 'Google Chrome',
    appName: 'Google Chrome.app',
    publisher: 'Google',
    lastModified: '2026-11-20T08:00:00Z',
    extensionAttributes: [],
    versions: [
      version('131.0.6778.86', '2026-11-19'),
      version('131.0.6778.70', '2026-11-12'),
      version('130.0.6723.117', '2026-11-05'),
    ],
  },
  {
    id: '2',
    nameId: 'Firefox',
    name: 'Mozilla Firefox',
    appName: 'Firefox.app',
    publisher: 'Mozilla',
    lastModified: '2026-11-26T08:00:00Z',
    extensionAttributes: [],
    versions: [
      version('133.0', '2026-11-26', '10.15'),
      version('132.0.2', '2026-11-12', '10.15'),
      version('132.0.1', '2026-11-04', '10.15'),
    ],
  },
  {
    id: '3',
    nameId: 'ZoomClient',
    name: 'Zoom Client for Meetings',
    appName: 'zoom.us.app',
    publisher: 'Zoom Video Communications, Inc.',
    lastModified: '2026-11-18T08:00:00Z',
    extensionAttributes: [
      {
        id: 'zoom-client-version',
        displayName: 'Zoom Client Version',
        script:
          '#!/bin/sh\nplist=/Applications/zoom.us.app/Contents/Info.plist\necho "<result>$(defaults read "$plist" CFBundleVersion 2>/dev/null)</result>"\n',
      },
    ],
    versions: [
      version('6.2.11', '2026-11-18', '11.0'),
      version('6.2.10', '2026-11-04', '11.0'),
      version('6.2.6', '2026-10-21', '11.0'),
    ],
  },
  ...(['Word', 'Excel', 'PowerPoint', 'Outlook'] as const).map(
    (app, index): PatchTitle => ({
      id: String(4 + index),
      nameId: `Microsoft${app}`,
      name: `Microsoft ${app}`,
      appName: `Microsoft ${app}.app`,
      publisher: 'Microsoft Corporation',
      lastModified: '2026-11-12T08:00:00Z',
      extensionAttributes: [],
      versions: [
        version('16.91', '2026-11-12', '13.0'),
        version('16.90', '2026-10-15', '13.0'),
        version('16.89', '2026-09-17', '12.0'),
      ],
    }),
  ),
  {
    id: '8',
    nameId: 'Slack',
    name: 'Slack',
    appName: 'Slack.app',
    publisher: 'Slack Technologies, Inc.',
    lastModified: '2026-11-21T08:00:00Z',
    extensionAttributes: [],
    versions: [
      version('4.41.105', '2026-11-21', '11.0'),
      version('4.41.98', '2026-11-07', '11.0'),
      version('4.40.133', '2026-10-24', '11.0'),
    ],
  },
];

/** The catalogue title with Pro `softwareTitleId` `id`, if any. */
export function patchTitleById(id: unknown): PatchTitle | undefined {
  return PATCH_CATALOGUE.find((title) => title.id === String(id));
}

/** The title source `sourceId` offers under Classic `name_id` `nameId` (any case), if any. */
export function patchTitleByNameId(sourceId: number, nameId: string): PatchTitle | undefined {
  if (sourceId !== JAMF_PATCH_SOURCE_ID) return undefined;
  const wanted = nameId.trim().toLowerCase();
  return PATCH_CATALOGUE.find((title) => title.nameId.toLowerCase() === wanted);
}
