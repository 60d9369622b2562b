import type { Building } from '../../state/inventory/buildings.js';
import type { Category } from '../../state/inventory/categories.js';
import type { Department } from '../../state/inventory/departments.js';
import type { Script, ScriptPriority } from '../../state/inventory/scripts.js';
import type { MockState } from '../../state/mock-state.js';
import { type ClassicResource, xmlObject, xmlText } from './classic-resource.js';

const idName = (row: { id: number; name: string }) => ({ id: row.id, name: row.name });
const byName = { name: (row: { name: string }) => row.name };

/** Classic `categories`. */
export const classicCategories: ClassicResource<Category> = {
  plural: 'categories',
  privilegeObjects: ['Categories'],
  listRoot: 'categories',
  root: 'category',
  store: (state) => state.categories,
  summary: idName,
  detail: (row) => ({ id: row.id, name: row.name, priority: row.priority }),
  lookups: byName,
  fromXml(value, existing) {
    const priorityText = xmlText(value, 'priority');
    const priority = priorityText === undefined ? (existing?.priority ?? 9) : Number(priorityText);
    if (!Number.isInteger(priority) || priority < 1 || priority > 20)
      return 'Priority must be 1 to 20';
    return { name: xmlText(value, 'name') ?? existing?.name ?? '', priority };
  },
  isNameUnique: true,
};

/** Classic `departments`. */
export const classicDepartments: ClassicResource<Department> = {
  plural: 'departments',
  privilegeObjects: ['Departments'],
  listRoot: 'departments',
  root: 'department',
  store: (state) => state.departments,
  summary: idName,
  detail: idName,
  lookups: byName,
  fromXml: (value, existing) => ({ name: xmlText(value, 'name') ?? existing?.name ?? '' }),
  isNameUnique: true,
};

/** Classic `buildings`; address fields are kept from the Pro view and not shown. */
export const classicBuildings: ClassicResource<Building> = {
  plural: 'buildings',
  privilegeObjects: ['Buildings'],
  listRoot: 'buildings',
  root: 'building',
  store: (state) => state.buildings,
  summary: idName,
  detail: idName,
  lookups: byName,
  fromXml: (value, existing) => ({
    name: xmlText(value, 'name') ?? existing?.name ?? '',
    streetAddress1: existing?.streetAddress1 ?? '',
    streetAddress2: existing?.streetAddress2 ?? '',
    city: existing?.city ?? '',
    stateProvince: existing?.stateProvince ?? '',
    zipPostalCode: existing?.zipPostalCode ?? '',
    country: existing?.country ?? '',
  }),
  isNameUnique: true,
};

const PRIORITY_TO_CLASSIC: Readonly<Record<ScriptPriority, string>> = {
  BEFORE: 'Before',
  AFTER: 'After',
  AT_REBOOT: 'At Reboot',
};

/** The id of the category named `name`; -1 for none; a string when no such category exists. */
export function categoryIdByName(
  state: MockState,
  name: string | undefined,
  fallback: number,
): number | string {
  if (name === undefined) return fallback;
  if (name === '' || name.toLowerCase() === 'none' || name.toLowerCase() === 'no category assigned')
    return -1;
  return state.categories.findBy('name', name)?.id ?? 'Problem with category';
}

/** Classic `scripts`. */
export const classicScripts: ClassicResource<Script> = {
  plural: 'scripts',
  privilegeObjects: ['Scripts'],
  listRoot: 'scripts',
  root: 'script',
  store: (state) => state.scripts,
  summary: idName,
  detail: (row, state) => {
    const parameters: Record<string, string> = {};
    for (let i = 0; i < 8; i++) parameters[`parameter${i + 4}`] = row.parameters[i] ?? '';
    return {
      id: row.id,
      name: row.name,
      category: state.categories.get(row.categoryId)?.name ?? 'None',
      filename: row.name,
      info: row.info,
      notes: row.notes,
      priority: PRIORITY_TO_CLASSIC[row.priority],
      parameters,
      os_requirements: row.osRequirements,
      script_contents: row.scriptContents,
      script_contents_encoded: Buffer.from(row.scriptContents, 'utf8').toString('base64'),
    };
  },
  lookups: byName,
  fromXml(value, existing, state) {
    const categoryId = categoryIdByName(
      state,
      xmlText(value, 'category'),
      existing?.categoryId ?? -1,
    );
    if (typeof categoryId === 'string') return categoryId;
    const priorityText = xmlText(value, 'priority');
    const priority = (Object.entries(PRIORITY_TO_CLASSIC).find(
      ([, label]) => label === priorityText,
    )?.[0] ??
      existing?.priority ??
      'AFTER') as ScriptPriority;
    const parameterElement = xmlObject(value, 'parameters');
    const parameters = Array.from(
      { length: 8 },
      (_, i) => xmlText(parameterElement, `parameter${i + 4}`) ?? existing?.parameters[i] ?? '',
    );
    while (parameters.length > 0 && parameters[parameters.length - 1] === '') parameters.pop();
    const encoded = xmlText(value, 'script_contents_encoded');
    return {
      name: xmlText(value, 'name') ?? existing?.name ?? '',
      info: xmlText(value, 'info') ?? existing?.info ?? '',
      notes: xmlText(value, 'notes') ?? existing?.notes ?? '',
      priority,
      categoryId,
      parameters,
      osRequirements: xmlText(value, 'os_requirements') ?? existing?.osRequirements ?? '',
      scriptContents:
        xmlText(value, 'script_contents') ??
        (encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8')) ??
        existing?.scriptContents ??
        '',
    };
  },
  isNameUnique: true,
};
