import type { SearchCriterion } from './criteria-evaluator.js';
import { computerApplications } from './inventory/computer-applications.js';
import type { Computer } from './inventory/computers.js';
import type { MockState } from './mock-state.js';
import { PATCH_CATALOGUE, type PatchTitle } from './patch-catalogue.js';

/** The version a patch report gives a computer whose installed version the title does not define. */
export const UNKNOWN_PATCH_VERSION = 'Unknown';

/**
 * The version of `title` that `computer` has as patch reports give it: the version of the app
 * its inventory lists under the title's bundle name (in any case) when the title defines that
 * version, else `Unknown` (unverified: the label of Jamf's reports for such versions); undefined
 * when the inventory does not list the app.
 */
export function installedPatchVersion(
  state: MockState,
  title: PatchTitle,
  computer: Readonly<Computer>,
): string | undefined {
  const bundle = title.appName.toLowerCase();
  const app = computerApplications(computer, state.seed).find(
    (candidate) => candidate.name.toLowerCase() === bundle,
  );
  if (app === undefined) return undefined;
  const isDefined = title.versions.some((known) => known.version === app.version);
  return isDefined ? app.version : UNKNOWN_PATCH_VERSION;
}

/** The criterion value that stands for a title's newest version. */
const LATEST_VERSION = 'latest version';

/** How a version ranks in `title`'s definition: 0 the newest; -1 one it does not define. */
const rankOf = (title: PatchTitle, version: string) =>
  title.versions.findIndex((known) => known.version.toLowerCase() === version.toLowerCase());

/**
 * The test of a `Patch Reporting: <title name>` criterion (the name in any case, a title of the
 * catalogue), or undefined for a criterion of another name. It reads the computer's version of
 * the title as patch reports give it and compares it with the criterion's value, `Latest
 * Version` standing for the newest version: `is` and `is not` (without case), `less than` (an
 * older version of the definition) and `greater than` (a newer one); where either version is one
 * the definition lacks, they compare as version numbers, and `Unknown` is neither less nor
 * greater. A computer without the title's app, or another search type, is selected by none.
 * Unverified: the criterion's name, its search types and `Latest Version` are as Jamf Pro's smart
 * group criteria list patch titles; which computers a negated criterion selects.
 */
export function patchReportingCriterion(
  criterion: Pick<SearchCriterion, 'name' | 'searchType' | 'value'>,
  state: MockState,
): ((computer: Readonly<Computer>) => boolean) | undefined {
  const name = criterion.name.trim().toLowerCase();
  const title = PATCH_CATALOGUE.find(
    (known) => `patch reporting: ${known.name}`.toLowerCase() === name,
  );
  if (title === undefined) return undefined;
  const asked = criterion.value.trim();
  const wanted =
    asked.toLowerCase() === LATEST_VERSION ? (title.versions[0]?.version ?? '') : asked;
  const compare = (version: string): number | undefined => {
    if (version === UNKNOWN_PATCH_VERSION) return undefined;
    const [at, of] = [rankOf(title, version), rankOf(title, wanted)];
    if (at >= 0 && of >= 0) return of - at;
    return version.localeCompare(wanted, undefined, { numeric: true, sensitivity: 'base' });
  };
  const holds: ((version: string) => boolean) | undefined = {
    is: (version: string) => version.toLowerCase() === wanted.toLowerCase(),
    'is not': (version: string) => version.toLowerCase() !== wanted.toLowerCase(),
    'less than': (version: string) => (compare(version) ?? 0) < 0,
    'greater than': (version: string) => (compare(version) ?? 0) > 0,
  }[criterion.searchType.trim().toLowerCase()];
  if (holds === undefined) return () => false;
  return (computer) => {
    const version = installedPatchVersion(state, title, computer);
    return version !== undefined && holds(version);
  };
}
