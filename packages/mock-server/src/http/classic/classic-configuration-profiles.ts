import { randomUUID } from 'node:crypto';
import type { MacosConfigurationProfile } from '../../state/macos-configuration-profiles.js';
import { type ClassicResource, xmlObject, xmlText } from './classic-resource.js';
import { computerScopeDetail, computerScopeFromXml } from './classic-scope.js';
import { categoryIdByName } from './classic-simple-resources.js';

const site = { id: -1, name: 'None' };
const DISTRIBUTION = ['Install Automatically', 'Make Available in Self Service'] as const;
const REDEPLOY = ['Newly Assigned', 'All'] as const;
const LEVELS = ['computer', 'user', 'System', 'User'] as const;

const oneOf = <T extends string>(values: readonly T[], text: string | undefined, fallback: T): T =>
  (values.find((value) => value.toLowerCase() === text?.toLowerCase()) ?? fallback) as T;

/**
 * Classic `osxconfigurationprofiles` (macOS configuration profiles; the Pro API has none): list,
 * `id` and `name` lookups, create, update, delete, with `general` (the profile's plist kept as
 * `payloads` text) and a `scope` of all computers, computers and computer groups. Element names
 * follow Jamf's Classic schema for `os_x_configuration_profile`.
 */
export const classicMacosConfigurationProfiles: ClassicResource<MacosConfigurationProfile> = {
  plural: 'osxconfigurationprofiles',
  privilegeObjects: ['macOS Configuration Profiles'],
  listRoot: 'os_x_configuration_profiles',
  root: 'os_x_configuration_profile',
  store: (state) => state.macosConfigurationProfiles,
  summary: (row) => ({ id: row.id, name: row.name }),
  detail: (row, state) => ({
    general: {
      id: row.id,
      name: row.name,
      description: row.description,
      site,
      category: {
        id: row.categoryId,
        name: state.categories.get(row.categoryId)?.name ?? 'No category assigned',
      },
      distribution_method: row.distributionMethod,
      user_removable: row.userRemovable,
      level: row.level,
      uuid: row.uuid,
      redeploy_on_update: row.redeployOnUpdate,
      payloads: row.payloads,
    },
    scope: { ...computerScopeDetail(row, state), buildings: [], departments: [] },
  }),
  lookups: { name: (row) => row.name },
  fromXml(value, existing, state) {
    const general = xmlObject(value, 'general');
    const categoryId = categoryIdByName(
      state,
      xmlText(xmlObject(general, 'category'), 'name'),
      existing?.categoryId ?? -1,
    );
    if (typeof categoryId === 'string') return categoryId;
    const scope = computerScopeFromXml(value, existing, state);
    if (typeof scope === 'string') return scope;
    const removable = xmlText(general, 'user_removable');
    return {
      name: xmlText(general, 'name') ?? existing?.name ?? '',
      description: xmlText(general, 'description') ?? existing?.description ?? '',
      categoryId,
      distributionMethod: oneOf(
        DISTRIBUTION,
        xmlText(general, 'distribution_method'),
        existing?.distributionMethod ?? 'Install Automatically',
      ),
      userRemovable:
        removable === undefined
          ? (existing?.userRemovable ?? false)
          : removable.toLowerCase() === 'true',
      level: oneOf(LEVELS, xmlText(general, 'level'), existing?.level ?? 'computer'),
      uuid: existing?.uuid ?? xmlText(general, 'uuid') ?? randomUUID().toUpperCase(),
      redeployOnUpdate: oneOf(
        REDEPLOY,
        xmlText(general, 'redeploy_on_update'),
        existing?.redeployOnUpdate ?? 'Newly Assigned',
      ),
      payloads: xmlText(general, 'payloads') ?? existing?.payloads ?? '',
      ...scope,
    };
  },
  isNameUnique: true,
};
