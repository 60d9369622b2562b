import { classicResourceFacts } from '../../generated/classic-resources.js';
import type { ClassicObject } from '../../state/classic-objects.js';
import type { MockState } from '../../state/mock-state.js';
import { patchTitleById } from '../../state/patch-catalogue.js';
import {
  patchPolicies,
  patchPolicyTitleId,
  patchTitleConfigurations,
  policiesOfTitle,
} from '../../state/patch-management.js';
import type { Route } from '../route.js';
import { classicError } from './classic-error.js';
import { classicIdResponse, classicResponse, readClassicXml } from './classic-format.js';
import { genericClassicResource, isDeclared } from './classic-generic-resource.js';
import {
  type ClassicResource,
  classicNotFound,
  classicResourceRoutes,
  guarded,
  xmlList,
  xmlObject,
  xmlText,
} from './classic-resource.js';
import { entryIds } from './classic-scope.js';
import { classicSubsetRoutes } from './classic-subset-match.js';

/** The scope lists a patch policy names stored objects in: list, item, the store, the 409 text. */
const SCOPE_LISTS = [
  { list: 'computers', item: 'computer', of: (state: MockState) => state.computers },
  {
    list: 'computer_groups',
    item: 'computer_group',
    of: (state: MockState) => state.computerGroups,
  },
  { list: 'buildings', item: 'building', of: (state: MockState) => state.buildings },
  { list: 'departments', item: 'department', of: (state: MockState) => state.departments },
] as const;

/**
 * `scope` (or its `exclusions`) with each computer, computer group, building and department
 * entry resolved (by `id`, else `name`) to the stored object's `id` and `name` (and a computer's
 * `udid`); a string is the 409 text for an entry naming nothing. Other lists are kept as written.
 */
function resolvedScope(
  scope: Record<string, unknown>,
  state: MockState,
): Record<string, unknown> | string {
  const next: Record<string, unknown> = { ...scope };
  for (const kind of SCOPE_LISTS) {
    if (!(kind.list in scope)) continue;
    const store = kind.of(state);
    // The elements as the JSON view types them: a list of entries, an unset id read as 0.
    const written = scope[kind.list];
    const entries = (Array.isArray(written) ? written : xmlList(scope, kind.list, kind.item))
      .filter(
        (entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null,
      )
      .map(({ id, ...rest }) => (Number(id) > 0 ? { id, ...rest } : rest));
    const ids = entryIds(store, entries, `Problem with ${kind.item} in scope`);
    if (typeof ids === 'string') return ids;
    next[kind.list] = ids.map((id) => {
      const row = store.get(id);
      return {
        id,
        name: row?.name ?? '',
        ...(row !== undefined && 'udid' in row ? { udid: row.udid } : {}),
      };
    });
  }
  return next;
}

/** The policy's `scope` with its entries resolved, exclusions too; a string is the 409 text. */
function scopeOf(
  fields: Record<string, unknown>,
  state: MockState,
): Record<string, unknown> | string | undefined {
  if (!('scope' in fields)) return undefined;
  const scope = resolvedScope(xmlObject(fields, 'scope'), state);
  if (typeof scope === 'string' || !('exclusions' in scope)) return scope;
  const exclusions = resolvedScope(xmlObject(scope, 'exclusions'), state);
  return typeof exclusions === 'string' ? exclusions : { ...scope, exclusions };
}

/** Classic's `distribution_method` values (the Classic schema's enum). */
const DISTRIBUTION_METHODS = ['selfservice', 'prompt'];

/**
 * Why the policy `fields` would break a rule, or undefined: it must belong to a title
 * configuration that exists, target a version that title defines, and name a distribution
 * method of the schema's enum. The 409 texts are the mock's (unverified).
 */
function policyProblem(fields: Record<string, unknown>, state: MockState): string | undefined {
  const titleId = String(fields.software_title_configuration_id ?? '');
  const row = patchTitleConfigurations(state).get(titleId);
  if (row === undefined) return 'Invalid software_title_configuration_id';
  const general = xmlObject(fields, 'general');
  const target = xmlText(general, 'target_version') ?? '';
  const title = patchTitleById(row.softwareTitleId);
  if (!title?.versions.some((known) => known.version === target))
    return `Invalid target_version: ${target}`;
  const method = xmlText(general, 'distribution_method');
  if (method !== undefined && method !== '' && !DISTRIBUTION_METHODS.includes(method))
    return `Invalid distribution_method: ${method}`;
  return undefined;
}

/**
 * Classic `patchpolicies`: the elements of Classic's `patch_policy` schema, kept as written
 * (`general`, `scope`, `user_interaction`), each policy belonging to the title configuration its
 * `software_title_configuration_id` names. A change keeps the title it belongs to (the spec has no
 * way to move a policy; unverified), must target a version the title defines and name a
 * distribution method of the schema's enum; its scope's computers, computer groups, buildings and
 * departments must exist (by id, else name) and are kept as the stored objects' ids and names
 * (409 otherwise, as Classic policies and eBooks refuse them).
 */
export function classicPatchPolicies(): ClassicResource<ClassicObject> {
  const facts = classicResourceFacts.patchpolicies;
  const generic = facts === undefined ? undefined : genericClassicResource(facts);
  if (generic === undefined) throw new Error('The Classic spec describes no patchpolicies');
  return {
    ...generic,
    store: patchPolicies,
    fromXml(value, existing, state) {
      const written = generic.fromXml(value, existing, state);
      if (typeof written === 'string') return written;
      const fields: Record<string, unknown> = {
        ...written.fields,
        software_title_configuration_id: Number(
          existing === undefined
            ? written.fields.software_title_configuration_id
            : patchPolicyTitleId(existing),
        ),
      };
      if (xmlText(xmlObject(fields, 'general'), 'target_version') === undefined)
        return 'Missing required field: target_version';
      const problem = policyProblem(fields, state);
      if (problem !== undefined) return problem;
      const scope = scopeOf(fields, state);
      if (typeof scope === 'string') return scope;
      return { ...written, fields: scope === undefined ? fields : { ...fields, scope } };
    },
  };
}

/**
 * Every Classic patch policy route the spec declares: list, read/update/delete by id, subsets by
 * id, and `patchpolicies/softwaretitleconfig/id/{id}`: `GET` lists the title's policies, `POST`
 * creates one for it (201 with its id, as other Classic creates answer); 404 for a title id that
 * names none.
 */
export function classicPatchPolicyRoutes(): Route[] {
  const facts = classicResourceFacts.patchpolicies;
  if (facts === undefined) throw new Error('The Classic spec describes no patchpolicies');
  const resource = classicPatchPolicies();
  const path = '/JSSResource/patchpolicies/softwaretitleconfig/id/{id}';
  const titleOf = (state: MockState, id: string | undefined) =>
    /^\d{1,9}$/.test(id ?? '')
      ? patchTitleConfigurations(state).get(String(Number(id)))
      : undefined;
  return [
    ...classicResourceRoutes(resource).filter((route) => isDeclared(facts, route)),
    ...classicSubsetRoutes(resource).filter((route) => route.path.includes('/patchpolicies/id/')),
    {
      method: 'GET',
      path,
      handle: guarded(resource, 'GET', (ctx) => {
        const title = titleOf(ctx.state, ctx.params.id);
        if (title === undefined) return classicNotFound();
        const rows = policiesOfTitle(ctx.state, String(title.id)).map((policy) =>
          resource.summary(policy, ctx.state),
        );
        return classicResponse(ctx.request, resource.listRoot, rows, 200, resource.xmlShapes?.list);
      }),
    },
    {
      method: 'POST',
      path,
      handle: guarded(resource, 'POST', async (ctx) => {
        const title = titleOf(ctx.state, ctx.params.id);
        if (title === undefined) return classicNotFound();
        const read = await readClassicXml(ctx.request, resource.root, ctx.maxBodyBytes);
        if ('error' in read) return read.error;
        const value = { ...read.value, software_title_configuration_id: String(title.id) };
        const fields = resource.fromXml(value, undefined, ctx.state);
        if (typeof fields === 'string') return classicError(409, fields);
        if (fields.name.trim() === '') return classicError(409, 'Name is required');
        if (patchPolicies(ctx.state).isNameTaken(fields.name))
          return classicError(409, 'Duplicate name');
        return classicIdResponse(resource.root, patchPolicies(ctx.state).create(fields).id, 201);
      }),
    },
  ];
}
