import { classicXmlShapes, type XmlShape } from '../../generated/classic-resources.js';
import type { Computer } from '../../state/inventory/computers.js';
import type { MockState } from '../../state/mock-state.js';
import {
  computerPatchTitles,
  patchPolicies,
  patchPolicyScope,
  patchPolicyTitleId,
} from '../../state/patch-management.js';
import { groupMembers } from '../../state/smart-group-members.js';
import type { ComputerScope } from './classic-scope.js';
import { withBlanks } from './classic-shape.js';
import { correctedShape } from './classic-shape-corrections.js';

/**
 * The Classic `computer_management` object's elements (the 11.30.1 Classic spec's schema), in
 * the order of jps-api-wrapper's `get_computer_management` subset names (`classic.py`), then the
 * patch policies (the spec's order is alphabetical; Jamf's on the wire unverified).
 */
export const classicComputerManagementShape: XmlShape = correctedShape(
  classicXmlShapes.computer_management as XmlShape,
  [],
  {
    '': [
      'general',
      'policies',
      'ebooks',
      'mac_app_store_apps',
      'os_x_configuration_profiles',
      'restricted_software',
      'smart_groups',
      'static_groups',
      'patch_reporting_software_titles',
      'patch_policies',
    ],
  },
);

/** True when `scope` takes in computer `id`, itself or through one of `groupIds`. */
function isInScope(scope: Readonly<ComputerScope>, id: number, groupIds: ReadonlySet<number>) {
  return (
    scope.allComputers ||
    scope.computerIds.includes(id) ||
    scope.computerGroupIds.some((groupId) => groupIds.has(groupId))
  );
}

/**
 * The patch sections of a computer's management record: `patch_reporting_software_titles`, each
 * title configuration whose app the computer has (`name` the configuration's, `latest_version`
 * the title's newest, `installed_version` as patch reports give it, `Unknown` for a version the
 * title does not define), and `patch_policies`, each enabled patch policy of those titles whose
 * scope takes the computer in, `{id, name}`. With `filter` (`/patchfilter/{filter}`), only the
 * titles whose name holds it, in any case, and their policies (unverified: how Jamf matches the
 * filter; the spec's example is `Chrome`).
 */
export function classicComputerPatchSections(
  row: Readonly<Computer>,
  state: MockState,
  filter?: string,
): { patch_reporting_software_titles: unknown[]; patch_policies: unknown[] } {
  const wanted = filter?.toLowerCase() ?? '';
  const titles = computerPatchTitles(state, row).filter(({ configuration }) =>
    String(configuration.displayName ?? '')
      .toLowerCase()
      .includes(wanted),
  );
  const titleIds = new Set(titles.map(({ configuration }) => String(configuration.id)));
  const policies = patchPolicies(state)
    .list()
    .filter((policy) => {
      const general = policy.fields.general as Record<string, unknown> | undefined;
      return (
        general?.enabled === true &&
        titleIds.has(patchPolicyTitleId(policy)) &&
        patchPolicyScope(state, policy)(row.id)
      );
    });
  return {
    patch_reporting_software_titles: titles.map(({ configuration, title, version }) => ({
      name: String(configuration.displayName ?? title.name),
      latest_version: title.versions[0]?.version ?? '',
      installed_version: version,
    })),
    patch_policies: policies.map((policy) => ({ id: policy.id, name: policy.name })),
  };
}

/**
 * What Jamf manages on a computer (`GET /JSSResource/computermanagement/id/{id}`), as far as the
 * mock models it: the smart and static computer groups it is a member of, the enabled policies
 * and the macOS configuration profiles whose scope takes it in (all computers, the computer, or
 * a group it is in), each `{id, name}` (a policy with its `trigger`, as its own record gives it).
 * Jamf's exclusions and limitations are not modelled, nor is listing disabled policies
 * (unverified whether Jamf lists them). Its patch titles and patch policies are
 * {@link classicComputerPatchSections}'. The mock keeps no eBooks, Mac App Store apps or
 * restricted software: those lists are empty, and so the same for any user (`/username/…`).
 */
export function classicComputerManagement(
  row: Readonly<Computer>,
  state: MockState,
): Record<string, unknown> {
  const groups = [...state.computerGroups.values()].filter((group) =>
    groupMembers(group, state).some((member) => member.id === row.id),
  );
  const groupIds = new Set(groups.map((group) => group.id));
  const record = {
    general: {
      id: row.id,
      name: row.name,
      udid: row.udid,
      serial_number: row.serialNumber,
      mac_address: row.macAddress,
    },
    policies: [...state.policies.values()]
      .filter((policy) => policy.enabled && isInScope(policy, row.id, groupIds))
      .map((policy) => ({ id: policy.id, name: policy.name, trigger: policy.trigger })),
    os_x_configuration_profiles: [...state.macosConfigurationProfiles.values()]
      .filter((profile) => isInScope(profile, row.id, groupIds))
      .map((profile) => ({ id: profile.id, name: profile.name })),
    smart_groups: groups
      .filter((group) => group.isSmart)
      .map((group) => ({ id: group.id, name: group.name })),
    static_groups: groups
      .filter((group) => !group.isSmart)
      .map((group) => ({ id: group.id, name: group.name })),
    ...classicComputerPatchSections(row, state),
  };
  return withBlanks(record, classicComputerManagementShape) as Record<string, unknown>;
}
