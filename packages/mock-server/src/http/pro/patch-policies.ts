import { listQuery } from '../../query/index.js';
import { listQueryFields } from '../../spec/resources.js';
import type { ClassicObject } from '../../state/classic-objects.js';
import type { MockState } from '../../state/mock-state.js';
import {
  type PatchInstall,
  patchDashboard,
  patchPolicies,
  patchPolicyTargets,
  patchPolicyTitleId,
  patchTitleConfigurations,
  setOnDashboard,
} from '../../state/patch-management.js';
import type { Route, RouteContext } from '../route.js';
import { notFound, specShaped, withQuery } from './pro-answers.js';

type Elements = Record<string, unknown>;

const element = (value: unknown, ...path: string[]): Elements => {
  let current = value;
  for (const key of path)
    current =
      typeof current === 'object' && current !== null ? (current as Elements)[key] : undefined;
  return typeof current === 'object' && current !== null ? (current as Elements) : {};
};
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const numberOf = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * Pro's name for a Classic `distribution_method` (unverified: the mock's reading of Pro's
 * free-text `deploymentMethod`; Classic's `prompt` installs automatically, `selfservice` waits
 * in Self Service).
 */
function deploymentMethodOf(general: Elements): string {
  return general.distribution_method === 'prompt' ? 'Install Automatically' : 'Self Service';
}

/**
 * A patch policy as Pro's `PatchPolicyListView` shows it: `pending` the computers it would patch
 * now (see `patchPolicyTargets`); the mock runs no policy, so nothing is completed, deferred or
 * failed.
 */
function listViewOf(policy: Readonly<ClassicObject>, state: MockState): Elements {
  const general = element(policy.fields, 'general');
  const titleId = patchPolicyTitleId(policy);
  return {
    id: String(policy.id),
    policyName: policy.name,
    policyEnabled: general.enabled === true,
    policyTargetVersion: text(general.target_version),
    policyDeploymentMethod: deploymentMethodOf(general),
    softwareTitle: text(patchTitleConfigurations(state).get(titleId)?.displayName),
    softwareTitleConfigurationId: titleId,
    pending: patchPolicyTargets(state, policy).length,
    completed: 0,
    deferred: 0,
    failed: 0,
  };
}

/** A patch policy as Pro's `PatchPolicyDetail` shows it, its Classic elements by name. */
function detailOf(policy: Readonly<ClassicObject>, state: MockState): Elements {
  const f = policy.fields;
  const general = element(f, 'general');
  const interaction = element(f, 'user_interaction');
  const notifications = element(interaction, 'notifications');
  const titleId = patchPolicyTitleId(policy);
  return {
    id: String(policy.id),
    name: policy.name,
    enabled: general.enabled === true,
    targetPatchVersion: text(general.target_version),
    deploymentMethod: deploymentMethodOf(general),
    softwareTitleId: text(patchTitleConfigurations(state).get(titleId)?.softwareTitleId),
    softwareTitleConfigurationId: titleId,
    killAppsDelayMinutes: numberOf(element(interaction, 'grace_period').grace_period_duration),
    killAppsMessage: text(element(interaction, 'grace_period').message),
    downgrade: general.allow_downgrade === true,
    patchUnknownVersion: general.patch_unknown === true,
    notificationHeader: text(notifications.notification_subject),
    selfServiceEnforceDeadline: element(interaction, 'deadlines').deadline_enabled === true,
    selfServiceDeadline: numberOf(element(interaction, 'deadlines').deadline_period),
    installButtonText: text(interaction.install_button_text),
    selfServiceDescription: text(interaction.self_service_description),
    iconId: text(element(interaction, 'self_service_icon').id),
    reminderFrequency: numberOf(
      element(notifications, 'reminders').notification_reminder_frequency,
    ),
    reminderEnabled: element(notifications, 'reminders').notification_reminders_enabled === true,
  };
}

/** A paged, filtered, sorted list of every patch policy in `view`'s shape. */
function listRoute(path: string, view: typeof listViewOf): Route {
  return {
    method: 'GET',
    path,
    handle: (ctx) =>
      withQuery(() => {
        const rows = patchPolicies(ctx.state)
          .list()
          .map((policy) => view(policy, ctx.state));
        const fields = listQueryFields(ctx.operation);
        return specShaped(
          ctx,
          listQuery(rows, ctx.url, {
            filterFields: fields,
            sortFields: fields,
            defaultSort: ['id:asc'],
          }),
        );
      }),
  };
}

/**
 * A computer's log entry for a patch policy it waits for: `PENDING`, no attempt yet, dated when
 * the computer last checked in, not ignored for any policy (unverified: the `statusCode` of a
 * pending entry, 0 here, and the date).
 */
function logOf(policy: Readonly<ClassicObject>, install: PatchInstall): Elements {
  return {
    patchPolicyId: String(policy.id),
    deviceId: String(install.computer.id),
    deviceName: install.computer.name,
    statusCode: 0,
    statusEnum: 'PENDING',
    statusDate: new Date(install.computer.lastContactTime).toISOString(),
    attemptNumber: 0,
  };
}

/** The log entries of a policy, one per computer it would patch now. */
const logsOf = (ctx: RouteContext, policy: Readonly<ClassicObject>): Elements[] =>
  patchPolicyTargets(ctx.state, policy).map((install) => logOf(policy, install));

const policyOf = (ctx: RouteContext) => {
  const raw = ctx.params.id ?? '';
  return /^\d{1,9}$/.test(raw) ? patchPolicies(ctx.state).get(Number(raw)) : undefined;
};

/**
 * Pro's read of the patch policies Classic `patchpolicies` writes: `/v2/patch-policies` (the
 * list view, with `filter`, `sort` and paging over the fields the spec documents) and
 * `/v2/patch-policies/policy-details`, and the dashboard switch `/v2/patch-policies/{id}/dashboard`
 * (`GET` says whether the policy is on it, `POST` adds, `DELETE` removes), and its logs: one
 * `PENDING` entry per computer it would patch now (paged, sorted by device name unless asked,
 * filtered on the documented fields), each readable by device id (404 for another), with no
 * details yet; nothing is eligible for a retry and a retry changes nothing (204). 404 for a
 * policy id that names none.
 */
export function patchPolicyRoutes(): Route[] {
  const dashboard = '/v2/patch-policies/{id}/dashboard';
  const logs = '/v2/patch-policies/{id}/logs';
  /** Runs `answer` for the policy `{id}` names, else answers Jamf's 404. */
  const withPolicy =
    (answer: (ctx: RouteContext, policy: ClassicObject) => Response) => (ctx: RouteContext) => {
      const policy = policyOf(ctx);
      return policy === undefined ? notFound('Patch policy', ctx.params.id) : answer(ctx, policy);
    };
  const deviceLog = (ctx: RouteContext, policy: ClassicObject) =>
    logsOf(ctx, policy).find((log) => log.deviceId === ctx.params.deviceId);
  return [
    {
      method: 'GET',
      path: logs,
      handle: withPolicy((ctx, policy) =>
        withQuery(() => {
          const fields = listQueryFields(ctx.operation);
          return specShaped(
            ctx,
            listQuery(logsOf(ctx, policy), ctx.url, {
              filterFields: fields,
              sortFields: fields === undefined ? undefined : [...fields, 'statusEnum'],
              defaultSort: ['deviceName:asc'],
            }),
            200,
            true,
          );
        }),
      ),
    },
    {
      method: 'GET',
      path: `${logs}/{deviceId}`,
      handle: withPolicy((ctx, policy) => {
        const log = deviceLog(ctx, policy);
        return log === undefined
          ? notFound('Patch policy log', ctx.params.deviceId)
          : specShaped(ctx, log, 200, true);
      }),
    },
    {
      // A pending computer has made no attempt yet: no actions to detail.
      method: 'GET',
      path: `${logs}/{deviceId}/details`,
      handle: withPolicy((ctx, policy) =>
        deviceLog(ctx, policy) === undefined
          ? notFound('Patch policy log', ctx.params.deviceId)
          : specShaped(ctx, []),
      ),
    },
    {
      // Only failed attempts are retried, and none fails in the mock.
      method: 'GET',
      path: `${logs}/eligible-retry-count`,
      handle: withPolicy((ctx) => specShaped(ctx, { count: 0 })),
    },
    ...['retry', 'retry-all'].map(
      (action): Route => ({
        method: 'POST',
        path: `${logs}/${action}`,
        handle: withPolicy(() => new Response(null, { status: 204 })),
      }),
    ),
    listRoute('/v2/patch-policies', listViewOf),
    listRoute('/v2/patch-policies/policy-details', detailOf),
    {
      method: 'GET',
      path: dashboard,
      handle: (ctx) => {
        const policy = policyOf(ctx);
        if (policy === undefined) return notFound('Patch policy', ctx.params.id);
        return specShaped(ctx, {
          onDashboard: patchDashboard(ctx.state).policies.includes(String(policy.id)),
        });
      },
    },
    {
      method: 'POST',
      path: dashboard,
      handle: (ctx) => {
        const policy = policyOf(ctx);
        if (policy === undefined) return notFound('Patch policy', ctx.params.id);
        setOnDashboard(ctx.state, 'policies', String(policy.id), true);
        return new Response(null, { status: 204 });
      },
    },
    {
      // Taking off what is not there is done: 204 (the spec declares no other answer).
      method: 'DELETE',
      path: dashboard,
      handle: (ctx) => {
        setOnDashboard(ctx.state, 'policies', ctx.params.id ?? '', false);
        return new Response(null, { status: 204 });
      },
    },
  ];
}
