import type { Entity } from './inventory/entity-store.js';
import type { ExtensionAttributeValues } from './inventory/extension-attribute-values.js';
import type { MockState } from './mock-state.js';

// One evaluator for every place Jamf selects devices by criteria: smart computer and mobile
// device groups, advanced computer and mobile device searches (and the reports made of them).
// Search types are ruby-jss's list (`SEARCH_TYPES` in
// `lib/jamf/api/classic/api_objects/criteriable/criterion.rb`); how Jamf compares is unverified
// beyond what each case says.

/** One criterion of a smart group or an advanced search, as Classic spells it. */
export interface SearchCriterion {
  name: string;
  priority: number;
  andOr: string;
  searchType: string;
  value: string;
  /** The criterion opens a parenthesis (advanced searches and Classic groups carry these). */
  openingParen?: boolean;
  /** The criterion closes a parenthesis. */
  closingParen?: boolean;
}

/** A device's value of a field: text, or a moment (epoch ms; undefined when never). */
export type FieldValue = string | { time: number | undefined };

/** How a device's field is read for a criterion of that name. */
export type FieldReader<T> = (device: Readonly<T>, state: MockState) => FieldValue;

/**
 * Fields a device has once per item it holds (computers: once per installed application), read
 * item by item: a criterion on one holds when it holds for any item (a negated one: for none), and
 * a criterion on a `qualified` field tests only the items the nearest earlier criterion on the
 * `key` field selects, so `Application Title is zoom.us.app` and `Application Version is 6.2.5`
 * test the version of zoom.us.app itself, not of any application.
 */
export interface ItemFields<T> {
  /** The criterion naming an item (`Application Title`). */
  key: string;
  /** The criteria read from the item the key criterion picks (`Application Version`). */
  qualified: readonly string[];
  /** The device's items, each its value of `key` and of each `qualified` field, by those names. */
  items(device: Readonly<T>, state: MockState): readonly Readonly<Record<string, string>>[];
}

/** What the evaluator needs to know of one kind of device (computers, mobile devices). */
export interface CriteriaTarget<T extends Entity> {
  /** Field readers by criterion name (compared without case). */
  fields: Readonly<Record<string, FieldReader<T>>>;
  /** Fields read from each of a device's items, when the kind has any. */
  itemFields?: ItemFields<T>;
  /** The criterion naming a group of this kind (`Computer Group`), for `member of`. */
  groupCriterion: string;
  /** The ids of the members of the group named `name`; `seen` holds the groups being evaluated. */
  groupMemberIds(name: string, state: MockState, seen: ReadonlySet<string>): ReadonlySet<number>;
  /** Pro collection of this kind's extension attribute definitions. */
  extensionAttributeCollection: string;
  /** The device's extension attribute values. */
  extensionAttributeValues(device: Readonly<T>): ExtensionAttributeValues;
  /**
   * The test of a criterion whose name is data (`Patch Reporting: <title>`), tried before the
   * fields; undefined for a criterion it does not name.
   */
  namedCriterion?(
    criterion: Readonly<SearchCriterion>,
    state: MockState,
  ): ((device: Readonly<T>) => boolean) | undefined;
}

const DAY_MS = 86_400_000;

/** A Jamf date (`2026-01-31`, `2026-01-31 10:00:00`, ISO) as epoch ms (UTC), or undefined. */
function timeOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const time = Date.parse(
    /^\d{4}-\d\d-\d\d \d/.test(trimmed) ? `${trimmed.replace(' ', 'T')}Z` : trimmed,
  );
  return Number.isNaN(time) ? undefined : time;
}

/** A moment as Classic shows dates (`2026-01-31 10:00:00`, UTC); blank for never. */
function classicDateText(time: number | undefined): string {
  return time === undefined ? '' : new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

const textOf = (value: FieldValue): string =>
  typeof value === 'string' ? value : classicDateText(value.time);
const momentOf = (value: FieldValue): number | undefined =>
  typeof value === 'string' ? timeOf(value) : value.time;

/** Numbers compare as numbers; other text as versions do (`14.10` after `14.9`), without case. */
function order(actual: string, wanted: string): number {
  const a = Number(actual);
  const b = Number(wanted);
  if (actual.trim() !== '' && wanted.trim() !== '' && Number.isFinite(a) && Number.isFinite(b))
    return a - b;
  return actual.localeCompare(wanted, undefined, { numeric: true, sensitivity: 'base' });
}

/** The positive search type a negated one denies (`is not` → `is`). */
const NEGATIONS: Readonly<Record<string, string>> = {
  'is not': 'is',
  'not like': 'like',
  'does not have': 'has',
  'not member of': 'member of',
  'does not match regex': 'matches regex',
};

type Test = (value: FieldValue) => boolean;

/**
 * The test of a positive search type against `wanted`, or undefined for a type the mock does not
 * evaluate (`current`, `not current`, an unknown one) or a value it cannot read (a bad regex, a
 * day count that is not a whole number): such a criterion holds for no device.
 */
function positiveTest(searchType: string, wanted: string, now: number): Test | undefined {
  const lower = wanted.toLowerCase();
  const days = /^\s*\d+\s*$/.test(wanted) ? Number(wanted) * DAY_MS : undefined;
  const day = /^\d{4}-\d\d-\d\d$/.test(wanted.trim()) ? timeOf(wanted) : undefined;
  const at = (check: (time: number) => boolean): Test => {
    return (value) => {
      const time = momentOf(value);
      return time !== undefined && check(time);
    };
  };
  switch (searchType) {
    case 'is':
      return (value) => textOf(value).toLowerCase() === lower;
    case 'like':
    case 'has':
      return (value) => textOf(value).toLowerCase().includes(lower);
    case 'greater than':
    case 'more than':
      return (value) => order(textOf(value), wanted) > 0;
    case 'less than':
      return (value) => order(textOf(value), wanted) < 0;
    case 'greater than or equal':
      return (value) => order(textOf(value), wanted) >= 0;
    case 'less than or equal':
      return (value) => order(textOf(value), wanted) <= 0;
    case 'matches regex': {
      // Jamf runs MySQL's REGEXP, which ignores case for text (unverified for Jamf's columns).
      try {
        const pattern = new RegExp(wanted, 'i');
        // V8 compiles a pattern when it first runs it: one too large to compile throws there
        // (a 100,000-character value answered 500), so it is run once here.
        pattern.test('');
        return (value) => pattern.test(textOf(value));
      } catch {
        return undefined;
      }
    }
    case 'more than x days ago':
      return days === undefined ? undefined : at((time) => time < now - days);
    case 'less than x days ago':
      return days === undefined ? undefined : at((time) => time >= now - days && time <= now);
    case 'in more than x days':
      return days === undefined ? undefined : at((time) => time > now + days);
    case 'in less than x days':
      return days === undefined ? undefined : at((time) => time >= now && time <= now + days);
    case 'before (yyyy-mm-dd)':
      return day === undefined ? undefined : at((time) => time < day);
    case 'after (yyyy-mm-dd)':
      // After the whole day named (unverified: whether the day itself counts).
      return day === undefined ? undefined : at((time) => time >= day + DAY_MS);
    default:
      return undefined;
  }
}

/**
 * A criterion as a test of a device's values (each value of a multi-value extension attribute, or
 * the one value of a field). Text compares without case; a negated type (`is not`, `not like`,
 * `does not have`, `does not match regex`) holds exactly where its positive type holds for no
 * value.
 */
function compiled(
  criterion: Pick<SearchCriterion, 'searchType' | 'value'>,
  now: number,
): (values: readonly FieldValue[]) => boolean {
  const type = criterion.searchType.trim().toLowerCase();
  const positive = NEGATIONS[type] ?? type;
  const test = positiveTest(positive, criterion.value, now);
  if (test === undefined) return () => false;
  const isNegated = positive !== type;
  return (values) => {
    const anyHolds = (values.length === 0 ? [''] : values).some(test);
    return isNegated ? !anyHolds : anyHolds;
  };
}

/**
 * Whether criteria select a device, in priority order, left to right with each criterion's
 * and/or, a parenthesis evaluated as one term (as ruby-jss writes `opening_paren` and
 * `closing_paren`; how Jamf ranks `and` over `or` without parentheses is unverified). `hit`
 * tells whether one criterion holds. No criteria select nothing.
 */
export function criteriaSelect<C extends SearchCriterion>(
  criteria: readonly C[],
  hit: (criterion: C) => boolean,
): boolean {
  const ordered = [...criteria].sort((a, b) => a.priority - b.priority);
  if (ordered.length === 0) return false;
  interface Frame {
    value: boolean | undefined;
    join: boolean;
  }
  const combine = (left: boolean | undefined, isOr: boolean, right: boolean) =>
    left === undefined ? right : isOr ? left || right : left && right;
  const stack: Frame[] = [{ value: undefined, join: false }];
  const close = () => {
    const inner = stack.pop() as Frame;
    const outer = stack[stack.length - 1] as Frame;
    outer.value = combine(outer.value, inner.join, inner.value === true);
  };
  for (const criterion of ordered) {
    const isOr = criterion.andOr.toLowerCase() === 'or';
    const holds = hit(criterion);
    if (criterion.openingParen === true) stack.push({ value: holds, join: isOr });
    else {
      const top = stack[stack.length - 1] as Frame;
      top.value = combine(top.value, isOr, holds);
    }
    if (criterion.closingParen === true && stack.length > 1) close();
  }
  while (stack.length > 1) close();
  return stack[0]?.value === true;
}

/** Extension attribute definitions of a collection that exists: lower-case name → id, data type. */
function definitionsByName(
  state: MockState,
  collection: string,
): Map<string, { id: string; dataType: string }> {
  const byName = new Map<string, { id: string; dataType: string }>();
  // A collection nobody has read yet holds only its seeds, which no device has a value for.
  for (const row of state.collections.existing(collection)?.list() ?? []) {
    if (typeof row.name === 'string')
      byName.set(row.name.toLowerCase(), {
        id: String(row.id),
        dataType: typeof row.dataType === 'string' ? row.dataType : 'STRING',
      });
  }
  return byName;
}

/**
 * The test of `ordered[at]` when it names one of `itemFields`, else undefined: the key field's
 * values of every item, or a qualified field's values of the items the nearest earlier criterion
 * on the key field selects (every item when there is none, or when that one is negated). The
 * pairing is how admins compare an app's version (unverified how Jamf joins the two).
 */
function itemFieldTest<T>(
  itemFields: ItemFields<T>,
  ordered: readonly SearchCriterion[],
  at: number,
  holds: (values: readonly FieldValue[]) => boolean,
  now: number,
): ((device: Readonly<T>, state: MockState) => boolean) | undefined {
  const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const criterion = ordered[at] as SearchCriterion;
  const isKey = sameName(criterion.name, itemFields.key);
  const field = isKey
    ? itemFields.key
    : itemFields.qualified.find((name) => sameName(criterion.name, name));
  if (field === undefined) return undefined;
  const keyCriterion = isKey
    ? undefined
    : ordered
        .slice(0, at)
        .reverse()
        .find((earlier) => sameName(earlier.name, itemFields.key));
  const keyType = keyCriterion?.searchType.trim().toLowerCase() ?? '';
  const picks =
    keyCriterion === undefined || keyType in NEGATIONS ? undefined : compiled(keyCriterion, now);
  return (device, state) => {
    const items = itemFields.items(device, state);
    const picked =
      picks === undefined ? items : items.filter((item) => picks([item[itemFields.key] ?? '']));
    return holds(picked.map((item) => item[field] ?? ''));
  };
}

/**
 * The devices of `devices` that `criteria` select. A criterion names a field of `target`, its
 * group criterion (`member of` / `not member of` a group by name), or an extension attribute
 * definition of the device's kind (by its name; a device without a value has the blank value);
 * a criterion naming nothing known holds for no device.
 */
export function selectDevices<T extends Entity>(
  criteria: readonly SearchCriterion[],
  devices: Iterable<T>,
  target: CriteriaTarget<T>,
  state: MockState,
  seen: ReadonlySet<string> = new Set(),
): T[] {
  if (criteria.length === 0) return [];
  const now = state.clock.now();
  const fields = new Map(
    Object.entries(target.fields).map(([name, read]) => [name.toLowerCase(), read]),
  );
  const definitions = definitionsByName(state, target.extensionAttributeCollection);
  const tests = new Map<SearchCriterion, (device: Readonly<T>) => boolean>();
  const ordered = [...criteria].sort((a, b) => a.priority - b.priority);
  for (const [at, criterion] of ordered.entries()) {
    const name = criterion.name.trim().toLowerCase();
    const type = criterion.searchType.trim().toLowerCase();
    if (name === target.groupCriterion.toLowerCase()) {
      const members = target.groupMemberIds(criterion.value, state, seen);
      const isMember = type === 'member of' || type === 'is';
      const isNotMember = type === 'not member of' || type === 'is not';
      tests.set(criterion, (device) =>
        isMember ? members.has(device.id) : isNotMember && !members.has(device.id),
      );
      continue;
    }
    const named = target.namedCriterion?.(criterion, state);
    if (named !== undefined) {
      tests.set(criterion, named);
      continue;
    }
    const holds = compiled(criterion, now);
    const itemTest = target.itemFields && itemFieldTest(target.itemFields, ordered, at, holds, now);
    if (itemTest !== undefined) {
      tests.set(criterion, (device) => itemTest(device, state));
      continue;
    }
    const read = fields.get(name);
    if (read !== undefined) {
      tests.set(criterion, (device) => holds([read(device, state)]));
      continue;
    }
    const definition = definitions.get(name);
    if (definition !== undefined) {
      const isDate = definition.dataType.toUpperCase() === 'DATE';
      tests.set(criterion, (device) => {
        const values = target.extensionAttributeValues(device)[definition.id] ?? [];
        return holds(isDate ? values.map((text) => ({ time: timeOf(text) })) : values);
      });
      continue;
    }
    tests.set(criterion, () => false);
  }
  const selected: T[] = [];
  for (const device of devices) {
    if (criteriaSelect(criteria, (criterion) => tests.get(criterion)?.(device) === true))
      selected.push(device);
  }
  return selected;
}

/**
 * How a display field of an advanced search reads a device, as text: a field of `target` by
 * name (dates as Classic shows them), an item field (every item's value) or an extension
 * attribute definition of the device's kind (several values joined with `, `, unverified); blank
 * for a name the mock does not know.
 */
function displayFieldReader<T extends Entity>(
  name: string,
  target: CriteriaTarget<T>,
  state: MockState,
): (device: Readonly<T>) => string {
  const wanted = name.trim().toLowerCase();
  const read = Object.entries(target.fields).find(([key]) => key.toLowerCase() === wanted)?.[1];
  if (read !== undefined) return (device) => textOf(read(device, state));
  const items = target.itemFields;
  const itemField =
    items && [items.key, ...items.qualified].find((field) => field.toLowerCase() === wanted);
  if (items !== undefined && itemField !== undefined)
    return (device) =>
      items
        .items(device, state)
        .map((item) => item[itemField] ?? '')
        .join(', ');
  const definition = definitionsByName(state, target.extensionAttributeCollection).get(wanted);
  if (definition !== undefined)
    return (device) => (target.extensionAttributeValues(device)[definition.id] ?? []).join(', ');
  return () => '';
}

/**
 * The element a display field's value is answered in: its name with spaces and dashes as
 * underscores (`Computer_Name`, as the schemas `advanced_computer_search` and `computer_report`
 * show; ruby-jss's `advanced_search.rb` notes Jamf is not consistent about the dashes).
 */
function displayFieldKey(name: string): string {
  // Spaces and dashes become underscores (`Last Check-in` → `Last_Check_in`, as Jamf names
  // them); so does any other character no XML element name may hold, and a name that may not
  // start an element gets a leading underscore, so the XML answer stays well-formed (`a<b`
  // wrote `<a<b>`; Jamf's naming of such fields is unverified).
  const key = name.trim().replace(/[^\p{L}\p{N}_.]/gu, '_');
  return /^[\p{L}_]/u.test(key) ? key : `_${key}`;
}

/**
 * The values of `displayFields` for one device, keyed as {@link displayFieldKey} says and read as
 * an advanced search's display fields are (reports that add inventory fields to their rows).
 */
export function displayFieldValues<T extends Entity>(
  displayFields: readonly string[],
  target: CriteriaTarget<T>,
  state: MockState,
): (device: Readonly<T>) => Record<string, string> {
  const readers = displayFields.map(
    (name) => [displayFieldKey(name), displayFieldReader(name, target, state)] as const,
  );
  return (device) => Object.fromEntries(readers.map(([key, read]) => [key, read(device)]));
}

/**
 * An advanced search's results as Classic lists them: each of `devices` that `criteria` select,
 * with its `id`, `name` and `udid` and the value of each display field (keyed as
 * {@link displayFieldKey} says).
 */
export function searchResults<T extends Entity & { udid: string }>(
  criteria: readonly SearchCriterion[],
  displayFields: readonly string[],
  devices: Iterable<Readonly<T>>,
  target: CriteriaTarget<T>,
  state: MockState,
): Record<string, string | number>[] {
  const readers = displayFields.map(
    (name) => [displayFieldKey(name), displayFieldReader(name, target, state)] as const,
  );
  return selectDevices(criteria, devices, target, state).map((device) => {
    const row: Record<string, string | number> = {
      id: device.id,
      name: device.name,
      udid: device.udid,
    };
    for (const [key, read] of readers) row[key] = read(device);
    return row;
  });
}
