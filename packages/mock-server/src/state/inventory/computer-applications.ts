import type { Computer } from './computers.js';
import { type SeededRandom, seededRandom } from './seeded-random.js';

/**
 * One application a computer's inventory reports, in the mock's neutral shape: the one source of
 * the Pro `applications` section, the Classic record's `software.applications`, the Classic
 * reports, the patch reports and the `Application Title` / `Application Version` criteria.
 */
export interface ComputerApplication {
  /** The bundle's file name, `Safari.app`. */
  name: string;
  /** Where it is installed, `/Applications/Safari.app`. */
  path: string;
  version: string;
  /** The bundle identifier, `com.apple.Safari`. */
  bundleId: string;
  /** The bundle's size on disk, whole megabytes. */
  sizeMegabytes: number;
  /** Installed from the Mac App Store. */
  isMacAppStore: boolean;
}

/** One application of the catalogue, with the versions a computer may have it at. */
interface CatalogueEntry {
  name: string;
  bundleId: string;
  sizeMegabytes: number;
  isMacAppStore: boolean;
  versions: readonly string[];
}

/**
 * Applications a computer may have, each with the versions it may be at. Invented for the mock
 * (widely installed macOS apps under their published bundle identifiers; versions and sizes
 * plausible, not measured): Jamf's reports have nothing to show without them, and the mock
 * records no inventory submissions. Xcode is the one Mac App Store app.
 */
const CATALOGUE: readonly CatalogueEntry[] = [
  {
    name: 'Google Chrome.app',
    bundleId: 'com.google.Chrome',
    sizeMegabytes: 1180,
    isMacAppStore: false,
    versions: ['131.0.6778.86', '130.0.6723.117'],
  },
  {
    name: 'Firefox.app',
    bundleId: 'org.mozilla.firefox',
    sizeMegabytes: 420,
    isMacAppStore: false,
    versions: ['133.0', '132.0.2'],
  },
  {
    name: 'Microsoft Word.app',
    bundleId: 'com.microsoft.Word',
    sizeMegabytes: 2310,
    isMacAppStore: false,
    versions: ['16.91', '16.90'],
  },
  {
    name: 'Microsoft Excel.app',
    bundleId: 'com.microsoft.Excel',
    sizeMegabytes: 2140,
    isMacAppStore: false,
    versions: ['16.91', '16.90'],
  },
  {
    name: 'Slack.app',
    bundleId: 'com.tinyspeck.slackmacgap',
    sizeMegabytes: 460,
    isMacAppStore: false,
    versions: ['4.41.105', '4.40.133'],
  },
  {
    name: 'zoom.us.app',
    bundleId: 'us.zoom.xos',
    sizeMegabytes: 330,
    isMacAppStore: false,
    versions: ['6.2.11', '6.2.5'],
  },
  {
    name: 'Xcode.app',
    bundleId: 'com.apple.dt.Xcode',
    sizeMegabytes: 11_620,
    isMacAppStore: true,
    versions: ['16.1', '15.4'],
  },
  {
    name: 'Self Service.app',
    bundleId: 'com.jamfsoftware.selfservice.mac',
    sizeMegabytes: 95,
    isMacAppStore: false,
    versions: ['11.12.0', '11.11.0'],
  },
];

/** Safari's version by macOS major version (Safari ships with the system; unverified pairs). */
const SAFARI_BY_MACOS: Readonly<Record<string, string>> = {
  '13': '17.6',
  '14': '18.1.1',
  '15': '18.1.1',
};

/** The seeded source of one computer's applications: the same seed and UDID, the same apps. */
function randomFor(computer: Readonly<Computer>, seed: number): SeededRandom {
  let hash = seed >>> 0;
  for (const char of computer.udid) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return seededRandom(hash);
}

/**
 * The applications `computer` reports, derived (never stored) from the mock's `seed` and the
 * computer's UDID: Safari, at the version its macOS carries, and about half of a small catalogue
 * of common apps, each at one of two versions. Sorted by name. The same seed always gives the
 * same applications; nothing else in the mock's state changes them. Every view of a computer's
 * applications reads them here, so the Pro and Classic APIs always agree.
 */
export function computerApplications(
  computer: Readonly<Computer>,
  seed: number,
): ComputerApplication[] {
  const random = randomFor(computer, seed);
  const major = computer.osVersion.split('.')[0] ?? '';
  const apps: ComputerApplication[] = [
    {
      name: 'Safari.app',
      path: '/Applications/Safari.app',
      version: SAFARI_BY_MACOS[major] ?? '18.1.1',
      bundleId: 'com.apple.Safari',
      sizeMegabytes: 14,
      isMacAppStore: false,
    },
  ];
  for (const entry of CATALOGUE) {
    if (random.next() < 0.5) continue;
    apps.push({
      name: entry.name,
      path: `/Applications/${entry.name}`,
      version: random.pick(entry.versions),
      bundleId: entry.bundleId,
      sizeMegabytes: entry.sizeMegabytes,
      isMacAppStore: entry.isMacAppStore,
    });
  }
  return apps.sort((a, b) => a.name.localeCompare(b.name));
}
