import type { Route } from '../route.js';
import { classicComputers, classicMobileDevices } from './classic-computers.js';
import { classicComputerGroups, classicPolicies } from './classic-groups-policies.js';
import { classicResourceRoutes } from './classic-resource.js';
import {
  classicBuildings,
  classicCategories,
  classicDepartments,
  classicScripts,
} from './classic-simple-resources.js';

/**
 * The Classic API (`/JSSResource/…`) over the state the Pro routes use: computers, mobile
 * devices, computer groups, categories, departments, buildings, policies and scripts. JSON when
 * the caller sends `Accept: application/json`, XML otherwise; writes take XML.
 */
export function classicRoutes(): Route[] {
  return [
    ...classicResourceRoutes(classicComputers),
    ...classicResourceRoutes(classicMobileDevices),
    ...classicResourceRoutes(classicComputerGroups),
    ...classicResourceRoutes(classicCategories),
    ...classicResourceRoutes(classicDepartments),
    ...classicResourceRoutes(classicBuildings),
    ...classicResourceRoutes(classicPolicies),
    ...classicResourceRoutes(classicScripts),
  ];
}
