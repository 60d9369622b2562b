import type { Route } from '../route.js';
import { computerAttachmentRoutes } from './computer-attachments.js';
import { computerGroupRoutes } from './computer-groups.js';
import { computerInventoryRoutes } from './computers-inventory.js';
import { iconRoutes } from './icons.js';
import { mdmCommandRoutes } from './mdm-commands.js';
import { mdmRenewProfileRoute } from './mdm-renew-profile.js';
import { mobileDeviceGroupRoutes } from './mobile-device-groups.js';
import { mobileDeviceRoutes } from './mobile-devices.js';
import { simpleResourceRoutes } from './simple-resources.js';

/**
 * The Pro API's explicit inventory routes over the shared state: computers inventory (all
 * versions) and its attachments, icons, mobile devices, departments, buildings, categories, scripts, computer and mobile
 * device groups, MDM profile renewal and MDM commands. Other operations fall through to the
 * spec responder.
 */
export function inventoryProRoutes(): Route[] {
  return [
    ...computerInventoryRoutes(),
    ...computerAttachmentRoutes(),
    ...iconRoutes(),
    ...mobileDeviceRoutes(),
    ...simpleResourceRoutes(),
    ...computerGroupRoutes(),
    ...mobileDeviceGroupRoutes(),
    mdmRenewProfileRoute(),
    ...mdmCommandRoutes(),
  ];
}
