import type { ComputerGroup, GroupCriterion } from '../../state/inventory/computer-groups.js';
import type { Policy } from '../../state/inventory/policies.js';
import { groupMembers } from '../../state/smart-group-members.js';
import { POLICY_XML_SHAPE, policyScopeDetail } from './classic-policy-scope.js';
import { type ClassicResource, xmlList, xmlObject, xmlText } from './classic-resource.js';
import { computerIds, computerScopeFromXml } from './classic-scope.js';
import { withSelfServiceIcon } from './classic-self-service-icon.js';
import { categoryIdByName } from './classic-simple-resources.js';

const site = { id: -1, name: 'None' };
const isTrue = (text: string | undefined, fallback: boolean) =>
  text === undefined ? fallback : text.toLowerCase() === 'true';

/**
 * A smart group's `<criteria>` (computer and mobile device groups spell them alike); `existing`
 * when the element is absent from a PUT; a string is the 409 message.
 */
export function criteriaFromXml(
  value: Record<string, unknown>,
  existing: readonly GroupCriterion[] | undefined,
): GroupCriterion[] | string {
  const criteriaElements = xmlList(value, 'criteria', 'criterion');
  const criteria: GroupCriterion[] =
    criteriaElements.length === 0 &&
    xmlText(value, 'criteria') === undefined &&
    existing !== undefined
      ? [...existing]
      : criteriaElements.map((c, index) => ({
          name: xmlText(c, 'name') ?? '',
          priority: Number(xmlText(c, 'priority') ?? index) || index,
          andOr: xmlText(c, 'and_or')?.toLowerCase() === 'or' ? 'or' : 'and',
          searchType: xmlText(c, 'search_type') ?? 'is',
          value: xmlText(c, 'value') ?? '',
          openingParen: isTrue(xmlText(c, 'opening_paren'), false),
          closingParen: isTrue(xmlText(c, 'closing_paren'), false),
        }));
  if (criteria.some((c) => c.name === ''))
    return 'Problem with criteria: every criterion needs a name';
  return criteria;
}

/**
 * A static group's members after `<{item}_additions>` and `<{item}_deletions>` (`computer`,
 * `mobile_device`) are applied to `members`: additions appended unless present, deletions
 * removed. ruby-jss changes membership with a PUT of only these elements
 * (`lib/jamf/api/classic/base_classes/group.rb`, `change_membership`; the names in
 * `computer_group.rb` and `mobile_device_group.rb`), as jamf-pro-sdk-python's
 * `update_static_computer_group_membership_by_id` does. An entry naming nothing is `resolve`'s
 * 409 message, as in `<computers>` (unverified for these elements).
 */
export function membersAfterChanges(
  value: Record<string, unknown>,
  members: readonly number[],
  item: string,
  resolve: (entries: Record<string, unknown>[]) => number[] | string,
): number[] | string {
  const added = resolve(xmlList(value, `${item}_additions`, item));
  if (typeof added === 'string') return added;
  const removed = resolve(xmlList(value, `${item}_deletions`, item));
  if (typeof removed === 'string') return removed;
  const result = [...members];
  for (const id of added) if (!result.includes(id)) result.push(id);
  return result.filter((id) => !removed.includes(id));
}

/** The `<criteria>` of a Classic group answer. */
export function criteriaDetail(criteria: readonly GroupCriterion[]) {
  return criteria.map((c) => ({
    name: c.name,
    priority: c.priority,
    and_or: c.andOr,
    search_type: c.searchType,
    value: c.value,
    opening_paren: c.openingParen === true,
    closing_paren: c.closingParen === true,
  }));
}

/**
 * The `general` fields of a Classic policy the mock keeps no data for, in the shape of the
 * Classic policy object (`classic-schemas.json`, `policy_post`): nothing set, no limitations.
 */
const POLICY_GENERAL_DEFAULTS = {
  trigger_startup: false,
  trigger_logout: false,
  trigger_network_state_changed: false,
  target_drive: '/',
  offline: false,
  retry_event: 'none',
  retry_attempts: -1,
  notify_on_each_failed_retry: false,
  location_user_only: false,
  network_requirements: 'Any',
  date_time_limitations: {
    activation_date: '',
    activation_date_epoch: 0,
    activation_date_utc: '',
    expiration_date: '',
    expiration_date_epoch: 0,
    expiration_date_utc: '',
    no_execute_on: {},
    no_execute_start: '',
    no_execute_end: '',
  },
};

/**
 * The sections of a Classic policy the mock keeps no data for (`classic-schemas.json`,
 * `policy_post`): empty lists and blank settings. ruby-jss's `Jamf::Policy` reads every one of
 * them when it fetches a policy and fails on a missing one
 * (`lib/jamf/api/classic/api_objects/policy.rb`, `initialize`). Writes to them are not kept.
 */
function policyUnmodelledSections() {
  return {
    self_service: { use_for_self_service: false, self_service_display_name: '' },
    package_configuration: { packages: [], distribution_point: 'default' },
    printers: [],
    dock_items: [],
    account_maintenance: {
      accounts: [],
      directory_bindings: [],
      management_account: { action: 'doNotChange' },
      open_firmware_efi_password: { of_mode: 'none', of_password: '' },
    },
    reboot: {
      message: '',
      startup_disk: 'Current Startup Disk',
      specify_startup: '',
      no_user_logged_in: 'Do not restart',
      user_logged_in: 'Do not restart',
      minutes_until_reboot: 5,
      start_reboot_timer_immediately: false,
      file_vault_2_reboot: false,
    },
    maintenance: {
      recon: false,
      reset_name: false,
      install_all_cached_packages: false,
      heal: false,
      prebindings: false,
      permissions: false,
      byhost: false,
      system_cache: false,
      user_cache: false,
      verify: false,
    },
    files_processes: {
      search_by_path: '',
      delete_file: false,
      locate_file: '',
      update_locate_database: false,
      spotlight_search: '',
      search_for_process: '',
      kill_process: false,
      run_command: '',
    },
    user_interaction: {
      message_start: '',
      allow_users_to_defer: false,
      allow_deferral_until_utc: '',
      allow_deferral_minutes: 0,
      message_finish: '',
    },
    disk_encryption: { action: 'none' },
  };
}

/** Classic `computergroups`: static groups list members, smart groups list criteria and the computers they select. */
export const classicComputerGroups: ClassicResource<ComputerGroup> = {
  plural: 'computergroups',
  privilegeObjects: ['Smart Computer Groups', 'Static Computer Groups'],
  listRoot: 'computer_groups',
  root: 'computer_group',
  store: (state) => state.computerGroups,
  summary: (row) => ({ id: row.id, name: row.name, is_smart: row.isSmart }),
  detail: (row, state) => ({
    id: row.id,
    name: row.name,
    is_smart: row.isSmart,
    site,
    criteria: criteriaDetail(row.criteria),
    computers: groupMembers(row, state).map((c) => ({
      id: c.id,
      name: c.name,
      mac_address: c.macAddress,
      alt_mac_address: '',
      serial_number: c.serialNumber,
    })),
  }),
  lookups: { name: (row) => row.name },
  fromXml(value, existing, state) {
    const isSmart = isTrue(xmlText(value, 'is_smart'), existing?.isSmart ?? false);
    const criteria = criteriaFromXml(value, existing?.criteria);
    if (typeof criteria === 'string') return criteria;
    const members = xmlList(value, 'computers', 'computer');
    const listed =
      members.length === 0 ? (existing?.computerIds ?? []) : computerIds(state, members);
    if (typeof listed === 'string') return listed;
    const ids = membersAfterChanges(value, listed, 'computer', (entries) =>
      computerIds(state, entries),
    );
    if (typeof ids === 'string') return ids;
    return {
      name: xmlText(value, 'name') ?? existing?.name ?? '',
      isSmart,
      criteria,
      computerIds: isSmart ? [] : ids,
    };
  },
  isNameUnique: true,
};

/** Classic `policies`: general, scope (computers, groups, all computers) and scripts. */
export const classicPolicies: ClassicResource<Policy> = {
  plural: 'policies',
  privilegeObjects: ['Policies'],
  listRoot: 'policies',
  root: 'policy',
  store: (state) => state.policies,
  summary: (row) => ({ id: row.id, name: row.name }),
  detail: (row, state) => ({
    general: {
      id: row.id,
      name: row.name,
      enabled: row.enabled,
      trigger: row.trigger,
      trigger_checkin: row.trigger === 'CHECKIN',
      trigger_enrollment_complete: row.trigger === 'ENROLLMENT_COMPLETE',
      trigger_login: row.trigger === 'LOGIN',
      trigger_other: row.trigger === 'USER_INITIATED' ? 'USER_INITIATED' : '',
      frequency: row.frequency,
      category: {
        id: row.categoryId,
        name: state.categories.get(row.categoryId)?.name ?? 'No category assigned',
      },
      site,
      ...POLICY_GENERAL_DEFAULTS,
    },
    scope: policyScopeDetail(row, state),
    scripts: row.scriptIds.map((id) => ({
      id,
      name: state.scripts.get(id)?.name ?? '',
      priority: 'After',
    })),
    ...policyUnmodelledSections(),
    self_service: withSelfServiceIcon(policyUnmodelledSections().self_service, row.id, state),
  }),
  lookups: { name: (row) => row.name },
  fromXml(value, existing, state) {
    const general = xmlObject(value, 'general');
    const category = xmlObject(general, 'category');
    const categoryId = categoryIdByName(
      state,
      xmlText(category, 'name'),
      existing?.categoryId ?? -1,
    );
    if (typeof categoryId === 'string') return categoryId;
    const scope = computerScopeFromXml(value, existing, state);
    if (typeof scope === 'string') return scope;
    const scriptElements = xmlList(value, 'scripts', 'script');
    const scriptIds = scriptElements.map((s) => Number(xmlText(s, 'id')));
    if (scriptIds.some((id) => !Number.isInteger(id) || state.scripts.get(id) === undefined))
      return 'Problem with script';
    return {
      name: xmlText(general, 'name') ?? existing?.name ?? '',
      enabled: isTrue(xmlText(general, 'enabled'), existing?.enabled ?? true),
      trigger: xmlText(general, 'trigger') ?? existing?.trigger ?? 'EVENT',
      frequency: xmlText(general, 'frequency') ?? existing?.frequency ?? 'Once per computer',
      categoryId,
      ...scope,
      scriptIds: scriptElements.length === 0 ? (existing?.scriptIds ?? []) : scriptIds,
    };
  },
  isNameUnique: true,
  xmlShapes: { object: POLICY_XML_SHAPE },
};
