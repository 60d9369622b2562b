import { classicXmlShapes } from '../../generated/classic-resources.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { JsonObject } from '../../state/json-collection.js';
import { sitesOf } from '../../state/sites.js';
import type { JsonEntity } from './classic-json-view.js';
import { proText } from './classic-pro-values.js';
import { type ClassicResource, xmlObject, xmlText } from './classic-resource.js';
import { proCollectionView } from './classic-shared-collections.js';
import { siteIdFromXml, siteOf } from './classic-site-reference.js';

/** Classic booleans and the Pro field each one is (both writable in both APIs). */
const BOOLEAN_FIELDS: Readonly<Record<string, string>> = {
  auto_register_managed_users: 'autoRegisterManagedUsers',
  notify_disassociation: 'sendNotificationWhenNoLongerAssigned',
  populate_catalog_from_vpp_content: 'automaticallyPopulatePurchasedContent',
};

/** What a location created through Classic starts with: the Pro POST schema's defaults. */
const NEW_LOCATION: JsonObject = {
  autoRegisterManagedUsers: false,
  automaticallyPopulatePurchasedContent: false,
  sendNotificationWhenNoLongerAssigned: false,
  siteId: '-1',
};

/**
 * Classic `vppaccounts`, a view of Pro `/v1/volume-purchasing-locations`: one set of volume
 * purchasing locations, two shapes. `name`, the site and the three switches
 * (`auto_register_managed_users`, `notify_disassociation` ↔ `sendNotificationWhenNoLongerAssigned`,
 * `populate_catalog_from_vpp_content` ↔ `automaticallyPopulatePurchasedContent`) are written
 * through either API. What Pro marks read-only, because Jamf takes it from Apple with the service
 * token, Classic shows and does not write: `account_name` (`organizationName`), `apple_id`,
 * `contact` (`email`), `country` (`countryCode`), `expiration_date` (`tokenExpiration`),
 * `location_name`. The service token is required on a Classic create, as on a Pro POST, and like
 * Pro's (write-only, absent from its read schema) it is neither kept nor ever shown. Field names from
 * `classic-schemas.json`'s `vpp_account` and the spec's `VolumePurchasingLocation`; the pairing of
 * `account_name` and `contact` is unverified.
 */
export function classicVppAccounts(document: OpenApiDocument): ClassicResource<JsonEntity> {
  return {
    plural: 'vppaccounts',
    // The same names `classic-privileges.ts` gives the spec-derived resource (unverified there).
    privilegeObjects: ['Volume Purchasing Locations'],
    listRoot: 'vpp_accounts',
    root: 'vpp_account',
    store: proCollectionView(document, '/v1/volume-purchasing-locations', 'name'),
    summary: (row) => ({ id: row.id, name: row.name }),
    detail: (row, state) => {
      const f = row.fields;
      return {
        id: row.id,
        name: row.name,
        contact: proText(f.email),
        account_name: proText(f.organizationName),
        expiration_date: proText(f.tokenExpiration),
        country: proText(f.countryCode),
        apple_id: proText(f.appleId),
        site: siteOf(f.siteId, state),
        populate_catalog_from_vpp_content: f.automaticallyPopulatePurchasedContent === true,
        notify_disassociation: f.sendNotificationWhenNoLongerAssigned === true,
        auto_register_managed_users: f.autoRegisterManagedUsers === true,
        location_name: proText(f.locationName),
      };
    },
    lookups: {},
    fromXml(value, existing, state) {
      if (existing === undefined && !xmlText(value, 'service_token')?.trim())
        return 'Missing required field: service_token';
      const fields: JsonObject = { ...(existing?.fields ?? NEW_LOCATION) };
      for (const [classic, pro] of Object.entries(BOOLEAN_FIELDS)) {
        const text = xmlText(value, classic);
        if (text !== undefined) fields[pro] = text.trim().toLowerCase() === 'true';
      }
      if ('site' in value) {
        const siteId = siteIdFromXml(xmlObject(value, 'site'), state);
        if (siteId === undefined) return 'Problem with site';
        fields.siteId = siteId;
        // Pro's list view names the site too.
        fields.siteName = proText(sitesOf(state).get(siteId)?.name) || 'None';
      }
      return { name: xmlText(value, 'name') ?? existing?.name ?? '', fields };
    },
    // Unverified: the mock keeps location names unique through Classic.
    isNameUnique: true,
    xmlShapes: { list: classicXmlShapes.vpp_accounts, object: classicXmlShapes.vpp_account! },
  };
}
