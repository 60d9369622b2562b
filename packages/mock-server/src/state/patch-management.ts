import type { ClassicObject } from './classic-objects.js';
import type { Computer } from './inventory/computers.js';
import type { EntityStore } from './inventory/entity-store.js';
import type { JsonCollection, JsonObject } from './json-collection.js';
import type { MockState } from './mock-state.js';
import { JAMF_PATCH_SOURCE_ID, type PatchTitle, patchTitleById } from './patch-catalogue.js';
import { installedPatchVersion, UNKNOWN_PATCH_VERSION } from './patch-reporting.js';
import { groupMembers } from './smart-group-members.js';

/**
 * Where the software title configurations are kept: the store Pro `/v2` and `/v3`
 * `patch-software-title-configurations` and Classic `patchsoftwaretitles` all read and write.
 */
const PATCH_TITLES_PATH = '/v3/patch-software-title-configurations';

/** Where the ids of the titles and patch policies shown on the dashboard are kept. */
const DASHBOARD_PATH = '/v2/patch-dashboard';

/** The titles a fresh mock has configured (catalogue ids), so reports have something to show. */
const SEEDED_TITLES: readonly { softwareTitleId: string; displayName: string }[] = [
  { softwareTitleId: '1', displayName: 'Google Chrome' },
  { softwareTitleId: '2', displayName: 'Mozilla Firefox' },
  { softwareTitleId: '3', displayName: 'Zoom Client for Meetings' },
];

/**
 * The software title configurations of a mock, as Pro's `PatchSoftwareTitleConfiguration` stores
 * them (`displayName`, `softwareTitleId`, `categoryId`, `siteId`, `uiNotifications`,
 * `emailNotifications`, `extensionAttributes`, `packages`); the read-only fields Pro shows are
 * derived from the catalogue when answering.
 */
export function patchTitleConfigurations(state: MockState): JsonCollection {
  return state.collections.collection(PATCH_TITLES_PATH, () =>
    SEEDED_TITLES.map((title) => ({
      ...title,
      categoryId: '-1',
      siteId: '-1',
      uiNotifications: false,
      emailNotifications: false,
      extensionAttributes: [],
      packages: [],
    })),
  );
}

/**
 * The patch policies of a mock, each kept as Classic's `patch_policy` elements (`general`,
 * `scope`, `user_interaction`, `software_title_configuration_id`): Classic is the only API that
 * writes them; Pro `/v2/patch-policies` lists them. A fresh mock has one, offering the first
 * seeded title's newest version in Self Service to all computers.
 */
export function patchPolicies(state: MockState): EntityStore<ClassicObject> {
  return state.classicObjects.store('patchpolicies', () => [
    {
      name: 'Google Chrome (latest)',
      fields: {
        general: {
          name: 'Google Chrome (latest)',
          enabled: true,
          target_version: '131.0.6778.86',
          distribution_method: 'selfservice',
          allow_downgrade: false,
          patch_unknown: true,
        },
        scope: { all_computers: true },
        software_title_configuration_id: 1,
      },
    },
  ]);
}

/** The software title configuration id a patch policy belongs to. */
export function patchPolicyTitleId(policy: Readonly<ClassicObject>): string {
  return String(policy.fields.software_title_configuration_id ?? '');
}

/**
 * The external patch sources of a mock (Classic `patchexternalsources`, kept as their elements).
 * Internal and external sources share one id space, so a title's `source_id` names one source:
 * id {@link JAMF_PATCH_SOURCE_ID} is Jamf's internal source, and the external store reserves it
 * (seeded and removed at once; ids are never reused), so external sources count from 2
 * (unverified: the mock's reading of Classic's one `source_id`). A fresh mock has none.
 */
export function patchExternalSources(state: MockState): EntityStore<ClassicObject> {
  const store = state.classicObjects.store('patchexternalsources', () => [
    { name: '', fields: {} },
  ]);
  store.delete(JAMF_PATCH_SOURCE_ID);
  return store;
}

/** True when `sourceId` names Jamf's internal source or an external source of the mock. */
export function isPatchSource(state: MockState, sourceId: number): boolean {
  return (
    sourceId === JAMF_PATCH_SOURCE_ID ||
    (sourceId > JAMF_PATCH_SOURCE_ID && patchExternalSources(state).get(sourceId) !== undefined)
  );
}

/** The patch policies of title configuration `titleId`, in id order. */
export function policiesOfTitle(state: MockState, titleId: string): ClassicObject[] {
  return patchPolicies(state)
    .list()
    .filter((policy) => patchPolicyTitleId(policy) === titleId);
}

/**
 * Deletes title configuration `id` and its patch policies (unverified: Jamf Pro's interface
 * warns that deleting a title deletes its patch policies; the mock does so through either API).
 * False when there is no such title.
 */
export function deletePatchTitle(state: MockState, id: string): boolean {
  const titles = patchTitleConfigurations(state);
  if (titles.get(id) === undefined) return false;
  for (const policy of policiesOfTitle(state, id)) patchPolicies(state).delete(policy.id);
  titles.delete(id);
  const dashboard = patchDashboard(state);
  setOnDashboard(state, 'titles', id, false);
  for (const policyId of dashboard.policies)
    if (patchPolicies(state).get(Number(policyId)) === undefined)
      setOnDashboard(state, 'policies', policyId, false);
  return true;
}

/** Which titles and patch policies are on the dashboard, by id. */
export function patchDashboard(state: MockState): { titles: string[]; policies: string[] } {
  const kept = state.collections.settings(DASHBOARD_PATH, () => ({ titles: [], policies: [] }));
  const ids = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return { titles: ids(kept.titles), policies: ids(kept.policies) };
}

/** Puts title or patch policy `id` on the dashboard, or takes it off. */
export function setOnDashboard(
  state: MockState,
  kind: 'titles' | 'policies',
  id: string,
  isOn: boolean,
): void {
  const dashboard = patchDashboard(state);
  const others = dashboard[kind].filter((other) => other !== id);
  const next: JsonObject = { ...dashboard, [kind]: isOn ? [...others, id] : others };
  state.collections.storeSettings(DASHBOARD_PATH, next);
}

/** A computer with a title's app installed, and its version as patch reports give it. */
export interface PatchInstall {
  computer: Readonly<Computer>;
  /** A version the title defines, else {@link UNKNOWN_PATCH_VERSION}. */
  version: string;
}

/**
 * The computers whose inventory lists `title`'s app (its bundle name, in any case) among their
 * applications, in computer id order, each with the installed version: one the title defines, or
 * `Unknown` (unverified: the label of Jamf's reports for such versions). Classic `patchreports`
 * and Pro's patch report and summaries all count these, so the two APIs agree.
 */
export function patchInstalls(state: MockState, title: PatchTitle): PatchInstall[] {
  const installs: PatchInstall[] = [];
  for (const computer of state.computers.values()) {
    const version = installedPatchVersion(state, title, computer);
    if (version !== undefined) installs.push({ computer, version });
  }
  return installs;
}

/** A title configuration a computer has the app of, and its version there. */
export interface ComputerPatchTitle {
  /** The configuration as stored (see {@link patchTitleConfigurations}). */
  configuration: JsonObject;
  title: PatchTitle;
  /** As `installedPatchVersion` gives it. */
  version: string;
}

/** The title configurations whose app `computer` has, in the order the store lists them. */
export function computerPatchTitles(
  state: MockState,
  computer: Readonly<Computer>,
): ComputerPatchTitle[] {
  const titles: ComputerPatchTitle[] = [];
  for (const configuration of patchTitleConfigurations(state).list()) {
    const title = patchTitleById(configuration.softwareTitleId);
    const version = title === undefined ? undefined : installedPatchVersion(state, title, computer);
    if (title !== undefined && version !== undefined)
      titles.push({ configuration, title, version });
  }
  return titles;
}

/** How many of `installs` are on each version: every version the title defines, newest first, then `Unknown` when any. */
export function patchVersionCounts(
  title: PatchTitle,
  installs: readonly PatchInstall[],
): { version: string; installs: PatchInstall[] }[] {
  const counts = title.versions.map((known) => ({
    version: known.version,
    installs: installs.filter((install) => install.version === known.version),
  }));
  const unknown = installs.filter((install) => install.version === UNKNOWN_PATCH_VERSION);
  return unknown.length > 0
    ? [...counts, { version: UNKNOWN_PATCH_VERSION, installs: unknown }]
    : counts;
}

type Elements = Record<string, unknown>;

const elementsOf = (value: unknown): Elements =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Elements) : {};

/** The ids a scope list (`computers`, `computer_groups`, …) names, as stored. */
const idsIn = (scope: Elements, list: string): Set<number> =>
  new Set(
    (Array.isArray(scope[list]) ? scope[list] : [])
      .map((entry) => Number(elementsOf(entry).id))
      .filter((id) => Number.isInteger(id) && id > 0),
  );

/** The computers a scope (or its `exclusions`) names: listed, in a listed group, building or department. */
function computersNamedBy(scope: Elements, state: MockState): Set<number> {
  const computers = idsIn(scope, 'computers');
  for (const groupId of idsIn(scope, 'computer_groups')) {
    const group = state.computerGroups.get(groupId);
    if (group !== undefined)
      for (const member of groupMembers(group, state)) computers.add(member.id);
  }
  const buildings = idsIn(scope, 'buildings');
  const departments = idsIn(scope, 'departments');
  if (buildings.size > 0 || departments.size > 0)
    for (const computer of state.computers.values())
      if (buildings.has(computer.buildingId) || departments.has(computer.departmentId))
        computers.add(computer.id);
  return computers;
}

/**
 * Whether patch policy `policy`'s scope takes a computer in, by id: all computers, or the listed
 * computers, the members of the listed groups and the computers of the listed buildings and
 * departments, less those its exclusions name the same ways.
 */
export function patchPolicyScope(
  state: MockState,
  policy: Readonly<ClassicObject>,
): (computerId: number) => boolean {
  const scope = elementsOf(policy.fields.scope);
  const included = scope.all_computers === true ? undefined : computersNamedBy(scope, state);
  const excluded = computersNamedBy(elementsOf(scope.exclusions), state);
  return (computerId) =>
    (included === undefined || included.has(computerId)) && !excluded.has(computerId);
}

/**
 * The computers patch policy `policy` would patch now: those its scope targets (all computers, or
 * the listed computers, the members of the listed groups and the computers of the listed
 * buildings and departments) and its exclusions leave, that have the title installed at a
 * version other than the target: an older one the title defines, a newer one when the policy
 * allows downgrades, or one it does not define (`Unknown`) when the policy patches unknown
 * versions. None while the policy is disabled. Unverified: Jamf's eligibility rules beyond the
 * Classic elements' names (`allow_downgrade`, `patch_unknown`).
 */
export function patchPolicyTargets(
  state: MockState,
  policy: Readonly<ClassicObject>,
): PatchInstall[] {
  const general = elementsOf(policy.fields.general);
  if (general.enabled !== true) return [];
  const row = patchTitleConfigurations(state).get(patchPolicyTitleId(policy));
  const title = row === undefined ? undefined : patchTitleById(row.softwareTitleId);
  if (title === undefined) return [];
  const order = (version: string) => title.versions.findIndex((known) => known.version === version);
  const target = order(String(general.target_version ?? ''));
  if (target < 0) return [];
  const isScoped = patchPolicyScope(state, policy);
  return patchInstalls(state, title).filter(({ computer, version }) => {
    if (!isScoped(computer.id)) return false;
    const at = order(version);
    if (at < 0) return general.patch_unknown === true;
    return at > target || (at < target && general.allow_downgrade === true);
  });
}

/**
 * The smart computer groups whose criteria report on `title` (a criterion named
 * `Patch Reporting: <title name>`, in any case), in id order: what the title's configuration
 * cannot be deleted from under without changing them (unverified: the criterion's name, as
 * Jamf's smart group criteria list patch titles).
 */
export function patchTitleDependents(
  state: MockState,
  title: PatchTitle,
): { id: number; name: string }[] {
  const criterion = `patch reporting: ${title.name}`.toLowerCase();
  return [...state.computerGroups.values()]
    .filter(
      (group) =>
        group.isSmart && group.criteria.some((entry) => entry.name.toLowerCase() === criterion),
    )
    .map((group) => ({ id: group.id, name: group.name }));
}
