import { classicXmlShapes } from '../../generated/classic-resources.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { JsonObject } from '../../state/json-collection.js';
import { mobileDeviceSearchResults } from '../../state/mobile-group-members.js';
import type { MockState } from '../../state/mock-state.js';
import { sitesOf } from '../../state/sites.js';
import { criteriaFromXml } from './classic-groups-policies.js';
import type { JsonEntity } from './classic-json-view.js';
import { proText } from './classic-pro-values.js';
import { type ClassicResource, xmlList, xmlObject, xmlText } from './classic-resource.js';
import { proCollectionView } from './classic-shared-collections.js';

/** A Pro `SmartSearchCriterion` as stored. */
interface ProCriterion {
  name: string;
  priority: number;
  andOr: string;
  searchType: string;
  value: string;
  openingParen: boolean;
  closingParen: boolean;
}

const isTrue = (text: string | undefined) => text?.toLowerCase() === 'true';

/** The site a Pro `siteId` names, as Classic shows it (`-1`/`None` for none). */
function siteOf(siteId: unknown, state: MockState): { id: number; name: string } {
  const id = Number(siteId);
  const site = Number.isInteger(id) && id > 0 ? sitesOf(state).get(String(id)) : undefined;
  return site === undefined ? { id: -1, name: 'None' } : { id, name: proText(site.name) };
}

/**
 * Classic `advancedmobiledevicesearches`, a view of Pro `/v1/advanced-mobile-device-searches`: one
 * set of saved searches, two shapes. A criterion's `and_or`, `search_type`, `opening_paren` and
 * `closing_paren` are Pro's `andOr`, `searchType`, `openingParen` and `closingParen`;
 * `display_fields` (`<display_field><name>`) are Pro's `displayFields` (names); the site is Pro's
 * `siteId`. `mobile_devices` is the search run on every read: each device its criteria select
 * (the evaluator of smart groups, parentheses included) with `id`, `name`, `udid` and one element
 * per display field (`Display Name` as `Display_Name`, the schema's example), in id order. Pro's
 * `GET /v1/advanced-mobile-device-searches/{id}` answers no results (Jamf-Concepts/jamf-cli#212).
 * The Classic-only `sort_1`…`view_as` are not kept.
 */
export function classicAdvancedMobileDeviceSearches(
  document: OpenApiDocument,
): ClassicResource<JsonEntity> {
  return {
    plural: 'advancedmobiledevicesearches',
    privilegeObjects: ['Advanced Mobile Device Searches'],
    listRoot: 'advanced_mobile_device_searches',
    root: 'advanced_mobile_device_search',
    store: proCollectionView(document, '/v1/advanced-mobile-device-searches', 'name'),
    summary: (row) => ({ id: row.id, name: row.name }),
    detail: (row, state) => {
      const criteria = Array.isArray(row.fields.criteria)
        ? (row.fields.criteria as unknown as ProCriterion[])
        : [];
      const displayFields = Array.isArray(row.fields.displayFields)
        ? (row.fields.displayFields as unknown[])
        : [];
      return {
        id: row.id,
        name: row.name,
        criteria: criteria.map((criterion) => ({
          name: criterion.name,
          priority: criterion.priority,
          and_or: criterion.andOr,
          search_type: criterion.searchType,
          value: criterion.value,
          opening_paren: criterion.openingParen === true,
          closing_paren: criterion.closingParen === true,
        })),
        display_fields: displayFields.map((name) => ({ name: proText(name) })),
        mobile_devices: mobileDeviceSearchResults(
          criteria.map((criterion) => ({
            name: proText(criterion.name),
            priority: Number(criterion.priority) || 0,
            andOr: proText(criterion.andOr) || 'and',
            searchType: proText(criterion.searchType) || 'is',
            value: proText(criterion.value),
            openingParen: criterion.openingParen === true,
            closingParen: criterion.closingParen === true,
          })),
          displayFields.map((name) => proText(name)),
          state,
        ),
        site: siteOf(row.fields.siteId, state),
      };
    },
    lookups: { name: (row) => row.name },
    fromXml(value, existing) {
      const before = existing?.fields;
      const fields: JsonObject = { ...(before ?? { criteria: [], displayFields: [] }) };
      const previous = Array.isArray(before?.criteria)
        ? (before.criteria as unknown as ProCriterion[]).map((criterion) => ({
            ...criterion,
            andOr: criterion.andOr === 'or' ? ('or' as const) : ('and' as const),
          }))
        : undefined;
      const criteria = criteriaFromXml(value, previous);
      if (typeof criteria === 'string') return criteria;
      const elements = xmlList(value, 'criteria', 'criterion');
      fields.criteria = criteria.map((criterion, index) => {
        const element = elements[index];
        const earlier = previous?.[index];
        return {
          ...criterion,
          openingParen:
            element === undefined
              ? earlier?.openingParen === true
              : isTrue(xmlText(element, 'opening_paren')),
          closingParen:
            element === undefined
              ? earlier?.closingParen === true
              : isTrue(xmlText(element, 'closing_paren')),
        };
      }) as unknown as JsonObject[];
      const displayFields = xmlList(value, 'display_fields', 'display_field');
      if (displayFields.length > 0 || xmlText(value, 'display_fields') !== undefined)
        fields.displayFields = displayFields.map((field) => xmlText(field, 'name') ?? '');
      const siteId = xmlText(xmlObject(value, 'site'), 'id');
      if (siteId !== undefined) fields.siteId = Number(siteId) > 0 ? String(Number(siteId)) : null;
      return { name: xmlText(value, 'name') ?? existing?.name ?? '', fields };
    },
    isNameUnique: true,
    xmlShapes: {
      list: classicXmlShapes.advanced_mobile_device_searches,
      object: classicXmlShapes.advanced_mobile_device_search!,
    },
  };
}
