import type { OpenApiDocument, SpecOperation } from '../openapi-document.js';
import { sampleSchema } from './sample-schema.js';

/** A JSON Schema node, read loosely. */
export type SchemaNode = { readonly [keyword: string]: unknown };

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Follows `$ref`s and folds `allOf` members into one node (their `properties` merged), so a
 * caller can read a schema's properties and types directly. Unresolvable nodes give `{}`.
 */
export function flattenSchema(node: unknown, document: OpenApiDocument): SchemaNode {
  let current = node;
  for (let hops = 0; isNode(current) && typeof current.$ref === 'string' && hops < 32; hops++) {
    current = document.components?.schemas?.[current.$ref.replace('#/components/schemas/', '')];
  }
  if (!isNode(current)) return {};
  if (!Array.isArray(current.allOf)) return current;
  const { allOf, ...own } = current;
  const properties: Record<string, unknown> = {};
  const merged: Record<string, unknown> = {};
  for (const part of [...(allOf as unknown[]), own]) {
    const flat = flattenSchema(part, document);
    for (const [key, value] of Object.entries(flat)) {
      if (key === 'properties' && isNode(value)) Object.assign(properties, value);
      else merged[key] = value;
    }
  }
  return { ...merged, properties };
}

function fits(schema: SchemaNode, value: unknown): boolean {
  if (value === null) return schema.nullable === true;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  switch (schema.type) {
    case 'string':
      return (
        typeof value === 'string' &&
        value.length >= (typeof schema.minLength === 'number' ? schema.minLength : 0) &&
        value.length <=
          (typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY)
      );
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return false;
  }
}

/** Options of {@link conformToSchema}. */
export interface ConformOptions {
  /**
   * Leave out optional properties that `value` does not have, at every level, instead of filling
   * them with samples (how unrequested inventory sections stay absent).
   */
  isSparse?: boolean;
  /**
   * The value is an answer to a client: `writeOnly` properties (passwords, secrets) are left out
   * even when `value` has them, as Jamf never returns them. Stored objects keep them.
   */
  isAnswer?: boolean;
}

/**
 * Renders `value` in the shape of `schema`: properties the schema declares are taken from `value`
 * when their type fits, otherwise filled with the deterministic sample; properties the schema does
 * not declare are dropped. The result is valid for the schema whatever `value` holds, so explicit
 * routes can serve their real state in any version of a response shape.
 */
export function conformToSchema(
  schema: unknown,
  value: unknown,
  document: OpenApiDocument,
  options: ConformOptions = {},
): unknown {
  return conform(schema, value, document, options.isSparse === true, options.isAnswer === true, 0);
}

/** Samples per schema node: a page of 100 computers fills the same gaps 100 times. */
const samples = new WeakMap<object, unknown>();

function sampleOf(schema: unknown, document: OpenApiDocument): unknown {
  if (!isNode(schema)) return sampleSchema(schema, document);
  if (!samples.has(schema)) samples.set(schema, sampleSchema(schema, document));
  return samples.get(schema);
}

/**
 * What conform reads of one schema node, worked out once per node: a page of 100 computers
 * conforms the same nodes 100 times, and flattening them again (a `$ref` walk, an `allOf` merge, a
 * `required` set per object) was most of an inventory page's CPU in bench P4's profile.
 */
interface NodePlan {
  readonly node: SchemaNode;
  readonly type: unknown;
  readonly isChoice: boolean;
  /**
   * A `oneOf`/`anyOf` with a `discriminator`: the property naming the branch, and each name's
   * branch (the `mapping`, or the branch schemas' own names).
   */
  readonly choiceBy:
    | { readonly property: string; readonly branches: ReadonlyMap<string, unknown> }
    | undefined;
  readonly properties: readonly {
    readonly name: string;
    readonly schema: unknown;
    readonly isRequired: boolean;
    readonly isWriteOnly: boolean;
  }[];
  /** Required names the `properties` never declare. */
  readonly undeclaredRequired: readonly string[];
  /** An object without properties but with `additionalProperties`: answered with its sample. */
  readonly isFreeForm: boolean;
}

const plans = new WeakMap<OpenApiDocument, WeakMap<object, NodePlan>>();

function planOf(schema: unknown, document: OpenApiDocument): NodePlan {
  let byNode = plans.get(document);
  if (byNode === undefined) {
    byNode = new WeakMap();
    plans.set(document, byNode);
  }
  const cached = isNode(schema) ? byNode.get(schema) : undefined;
  if (cached !== undefined) return cached;
  const node = flattenSchema(schema, document);
  const declared = isNode(node.properties) ? node.properties : {};
  const required = new Set(Array.isArray(node.required) ? node.required.map(String) : []);
  const plan: NodePlan = {
    node,
    type: node.type ?? (isNode(node.properties) ? 'object' : undefined),
    isChoice: Array.isArray(node.oneOf) || Array.isArray(node.anyOf),
    choiceBy: discriminatorOf(node),
    properties: Object.entries(declared).map(([name, propSchema]) => ({
      name,
      schema: propSchema,
      isRequired: required.has(name),
      isWriteOnly: flattenSchema(propSchema, document).writeOnly === true,
    })),
    undeclaredRequired: [...required].filter((name) => !(name in declared)),
    isFreeForm: Object.keys(declared).length === 0 && node.additionalProperties !== undefined,
  };
  if (isNode(schema)) byNode.set(schema, plan);
  return plan;
}

const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

/**
 * How a discriminated choice picks its branch: the `discriminator.propertyName`, and for each of
 * its values the branch schema, from the `mapping` or, where there is none, from the branches'
 * `$ref` names (OpenAPI 3.0's implicit mapping).
 */
function discriminatorOf(node: SchemaNode): NodePlan['choiceBy'] {
  const discriminator = node.discriminator;
  const choices = Array.isArray(node.oneOf) ? node.oneOf : node.anyOf;
  if (!isNode(discriminator) || typeof discriminator.propertyName !== 'string') return undefined;
  if (!Array.isArray(choices)) return undefined;
  const branches = new Map<string, unknown>();
  for (const choice of choices) {
    if (isNode(choice) && typeof choice.$ref === 'string')
      branches.set(refName(choice.$ref), choice);
  }
  if (isNode(discriminator.mapping)) {
    for (const [name, ref] of Object.entries(discriminator.mapping)) {
      if (typeof ref === 'string') branches.set(name, { $ref: ref });
    }
  }
  return { property: discriminator.propertyName, branches };
}

/** The branch of a discriminated choice `value` names, when it names one. */
function branchOf(plan: NodePlan, value: unknown): unknown {
  if (plan.choiceBy === undefined || !isNode(value)) return undefined;
  const name = value[plan.choiceBy.property];
  return typeof name === 'string' ? plan.choiceBy.branches.get(name) : undefined;
}

function conform(
  schema: unknown,
  value: unknown,
  document: OpenApiDocument,
  isSparse: boolean,
  isAnswer: boolean,
  depth: number,
): unknown {
  const plan = planOf(schema, document);
  if (value === undefined || depth > 16) return sampleOf(schema, document);
  if (plan.isChoice) {
    // A discriminated value keeps its own branch's shape; any other choice gets its sample.
    const branch = branchOf(plan, value);
    return branch === undefined
      ? sampleOf(schema, document)
      : conform(branch, value, document, isSparse, isAnswer, depth + 1);
  }
  if (plan.type === 'object' && isNode(value)) {
    const out: Record<string, unknown> = {};
    for (const property of plan.properties) {
      if (isAnswer && property.isWriteOnly) continue;
      const own = value[property.name];
      if (own === undefined && !property.isRequired && (isSparse || property.isWriteOnly)) continue;
      out[property.name] = conform(property.schema, own, document, isSparse, isAnswer, depth + 1);
    }
    // Jamf requires some names its `properties` never declare; keep them (any value fits).
    for (const name of plan.undeclaredRequired) {
      const sample = sampleOf(schema, document);
      out[name] = value[name] ?? (isNode(sample) ? sample[name] : undefined) ?? name;
    }
    if (plan.isFreeForm) return sampleOf(schema, document);
    return out;
  }
  if (plan.type === 'array' && Array.isArray(value)) {
    return value.map((item) =>
      conform(plan.node.items, item, document, isSparse, isAnswer, depth + 1),
    );
  }
  return fits(plan.node, value) ? value : sampleOf(schema, document);
}

/** The JSON schema of `operation`'s `status` response, or undefined when it declares none. */
export function responseSchemaOf(operation: SpecOperation, status: number): unknown {
  const responses = operation.object.responses;
  if (!isNode(responses)) return undefined;
  const response = responses[String(status)];
  if (!isNode(response) || !isNode(response.content)) return undefined;
  for (const [key, media] of Object.entries(response.content)) {
    if (key.includes('json') && isNode(media)) return media.schema;
  }
  return undefined;
}
