import type { Route } from '../route.js';
import { classicAccountRoutes } from './classic-accounts.js';
import { classicActivationCodeRoutes } from './classic-activation-code.js';
import { classicCommandFlushRoutes } from './classic-command-flush.js';
import { classicComputerCommandRoutes } from './classic-computer-commands.js';
import {
  classicComputers,
  classicComputersBasicRoute,
  classicMobileDevices,
} from './classic-computers.js';
import { classicMacosConfigurationProfiles } from './classic-configuration-profiles.js';
import { classicComputerGroups, classicPolicies } from './classic-groups-policies.js';
import { classicLogFlushRoutes } from './classic-log-flush.js';
import { classicMobileDeviceGroups } from './classic-mobile-device-groups.js';
import { classicPolicyListRoutes } from './classic-policy-lists.js';
import { classicResourceRoutes } from './classic-resource.js';
import {
  classicBuildings,
  classicCategories,
  classicDepartments,
  classicScripts,
} from './classic-simple-resources.js';
import { classicMatchRoutes, classicSubsetRoutes } from './classic-subset-match.js';

/**
 * The hand-modelled Classic API (`/JSSResource/…`; `classic-generic-resource.ts` and
 * `classic-singleton.ts` serve the rest of the spec's resources) over the state the Pro routes use: computers, mobile
 * devices, computer and mobile device groups, categories, departments, buildings, policies, scripts, macOS
 * configuration profiles, accounts and the activation code; `subset` and `match` lookups of
 * computers, mobile devices and policies, the `computers/subset/basic` list and policies by
 * category or creator. JSON when `Accept` prefers
 * it to XML, XML otherwise; writes take XML.
 */
export function classicRoutes(): Route[] {
  return [
    ...classicResourceRoutes(classicComputers),
    classicComputersBasicRoute(),
    ...classicResourceRoutes(classicMobileDevices),
    ...classicResourceRoutes(classicComputerGroups),
    ...classicResourceRoutes(classicMobileDeviceGroups),
    ...classicResourceRoutes(classicCategories),
    ...classicResourceRoutes(classicDepartments),
    ...classicResourceRoutes(classicBuildings),
    ...classicResourceRoutes(classicPolicies),
    ...classicResourceRoutes(classicScripts),
    ...classicResourceRoutes(classicMacosConfigurationProfiles),
    ...classicSubsetRoutes(classicComputers),
    ...classicSubsetRoutes(classicMobileDevices),
    ...classicSubsetRoutes(classicMacosConfigurationProfiles),
    ...classicSubsetRoutes(classicPolicies),
    ...classicPolicyListRoutes(),
    ...classicMatchRoutes(classicComputers, {
      fields: (row) => [
        row.name,
        row.serialNumber,
        row.udid,
        row.macAddress,
        row.assetTag,
        row.username,
        row.realName,
        row.email,
      ],
      byField: { name: (row) => row.name },
    }),
    ...classicMatchRoutes(classicMobileDevices, {
      fields: (row) => [
        row.name,
        row.serialNumber,
        row.udid,
        row.wifiMacAddress,
        row.username,
        row.realName,
        row.email,
      ],
    }),
    ...classicAccountRoutes(),
    ...classicActivationCodeRoutes(),
    ...classicComputerCommandRoutes(),
    ...classicCommandFlushRoutes(),
    ...classicLogFlushRoutes(),
  ];
}
