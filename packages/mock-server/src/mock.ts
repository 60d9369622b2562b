import { parseJamfServer } from '@jamf/core';
import type { RequestHandler } from 'msw';
import { privilegeCatalogue } from './generated/privilege-catalogue.js';
import { proSpec } from './generated/pro-spec.js';
import { classicAdvancedComputerSearches } from './http/classic/classic-advanced-computer-searches.js';
import { classicAdvancedMobileDeviceSearches } from './http/classic/classic-advanced-mobile-device-searches.js';
import { classicApplicationUsageRoutes } from './http/classic/classic-application-usage.js';
import { classicCollectionPosts } from './http/classic/classic-collection-post.js';
import { classicComputerApplicationRoutes } from './http/classic/classic-computer-applications.js';
import { classicComputerReportRoutes } from './http/classic/classic-computer-reports.js';
import { classicDeviceViewRoutes } from './http/classic/classic-device-views.js';
import { classicDistributionPoints } from './http/classic/classic-distribution-points.js';
import { classicDockItems } from './http/classic/classic-dock-items.js';
import { classicEbookRoutes } from './http/classic/classic-ebooks.js';
import {
  classicComputerExtensionAttributes,
  classicMobileDeviceExtensionAttributes,
} from './http/classic/classic-extension-attributes.js';
import { classicFileUploadRoutes } from './http/classic/classic-file-uploads.js';
import {
  classicGenericRoutes,
  classicSegmentsOf,
} from './http/classic/classic-generic-resource.js';
import { classicHardwareSoftwareReportRoutes } from './http/classic/classic-hardware-software-reports.js';
import { classicMobileDeviceCommandRoutes } from './http/classic/classic-mobile-device-commands.js';
import { classicPatchPolicyRoutes } from './http/classic/classic-patch-policies.js';
import { classicPatchReportRoutes } from './http/classic/classic-patch-reports.js';
import { classicPatchSoftwareTitles } from './http/classic/classic-patch-software-titles.js';
import { classicPatchSourceRoutes } from './http/classic/classic-patch-sources.js';
import { classicPeripheralTypes } from './http/classic/classic-peripheral-types.js';
import { classicResourceRoutes } from './http/classic/classic-resource.js';
import { classicSavedSearchRoutes } from './http/classic/classic-saved-searches.js';
import { classicPackages, classicSites } from './http/classic/classic-shared-collections.js';
import { classicSingletonRoutes } from './http/classic/classic-singleton.js';
import { classicUsersByEmailRoute } from './http/classic/classic-users-by-email.js';
import { classicVppAccounts } from './http/classic/classic-vpp-accounts.js';
import { classicWebhooks } from './http/classic/classic-webhooks.js';
import { classicRoutes } from './http/classic/index.js';
import { MockCluster, type MockClusterOptions } from './http/cluster.js';
import { FaultRegistry } from './http/faults.js';
import { mswHandlers } from './http/msw-handlers.js';
import type { PipelineRuntime } from './http/pipeline.js';
import { userAccountRoutes } from './http/pro/accounts.js';
import { activationCodeRoutes } from './http/pro/activation-code.js';
import { apiIntegrationRoutes } from './http/pro/api-integrations.js';
import { apiRoleRoutes } from './http/pro/api-roles.js';
import { authRoutes } from './http/pro/auth.js';
import { cloudInformationRoute } from './http/pro/cloud-information.js';
import { csvExportRoutes } from './http/pro/csv-exports.js';
import { distributionPointRoutes } from './http/pro/distribution-points.js';
import { ebookScopeRoutes } from './http/pro/ebook-scope.js';
import { genericCollectionRoutes } from './http/pro/generic-collections.js';
import { inventoryProRoutes } from './http/pro/inventory-routes.js';
import { documentVersion, jamfProVersionRoute } from './http/pro/jamf-pro-version.js';
import { oauthRoutes } from './http/pro/oauth.js';
import { packageUploadRoute } from './http/pro/package-upload.js';
import { withParentChecks } from './http/pro/parent-check.js';
import { patchPolicyRoutes } from './http/pro/patch-policies.js';
import { patchReportRoutes } from './http/pro/patch-reports.js';
import { patchTitleConfigurationRoutes } from './http/pro/patch-title-configurations.js';
import { privilegeRoutes } from './http/pro/privileges.js';
import { schemaRoute } from './http/pro/schema.js';
import { settingsRoutes } from './http/pro/settings.js';
import { siteRoutes } from './http/pro/sites.js';
import { startupStatusRoute } from './http/pro/startup-status.js';
import type { Route } from './http/route.js';
import { buildRouteTable } from './http/router.js';
import type { OpenApiDocument } from './spec/openapi-document.js';
import { privilegeNames } from './spec/privilege-names.js';
import type { MockAccountOptions } from './state/accounts.js';
import { createMockClock, type MockClock } from './state/clock.js';
import { JAMF_VERSION } from './state/jamf-version.js';
import { checkWholeNumber, MockOptionError } from './state/mock-option-error.js';
import { createMockState, type MockState, type MockStateOptions } from './state/mock-state.js';
import type { WebhookDelivery } from './webhooks/delivery.js';
import { MockWebhooks } from './webhooks/mock-webhooks.js';
import type { MockWebhookInput } from './webhooks/registration.js';

/** Options of {@link createJamfMock}. */
export interface JamfMockOptions {
  /**
   * Server the handlers answer, read like every SDK client reads it (`parseJamfServer`: a path,
   * `/api` or `/JSSResource` part is ignored); default `https://jamf.example.test`.
   * @throws JamfServerUrlError `INVALID_BASE_URL` from `createJamfMock` for an unusable address.
   */
  baseUrl?: string;
  /** Accounts that may get tokens; default one administrator, `admin` / `jamf1234`. */
  accounts?: readonly MockAccountOptions[];
  /** Seed of the deterministic inventory; default 1. */
  seed?: number;
  /** How many inventory objects to generate, e.g. `{ computers: 10_000 }`. */
  counts?: MockStateOptions['counts'];
  /** Lifetime of user tokens (`/v1/auth/token`); default 1800 (30 minutes, Jamf's documented default). */
  tokenLifetimeSeconds?: number;
  /** Time source in epoch ms; default `Date.now`, so vitest fake timers apply. */
  now?: () => number;
  /**
   * Accept Basic credentials on the Classic API (`/JSSResource`), as a server from before 11.5
   * with "Allow Basic authentication" left on does. Default false: like every current server,
   * Classic takes bearer tokens only and answers Basic with 401.
   */
  allowBasicAuthOnClassic?: boolean;
  /**
   * Largest request body accepted, in bytes; a larger one gets 413 with Jamf's error body.
   * Default {@link DEFAULT_MAX_BODY_BYTES}. Package uploads are streamed (hashed, not kept), so
   * the limit is about what you allow, not memory.
   */
  maxBodyBytes?: number;
  /**
   * Version `GET /v1/jamf-pro-version` reports, e.g. `11.25.2` (answered as `11.25.2-t<build ms>`);
   * default the version of the served spec.
   */
  jamfProVersion?: string;
  /** Extra routes mounted over the built-in ones (same method and path replaces). */
  routes?: readonly Route[];
  /** Webhooks registered from the start (and again after `reset()`), e.g. for JSSStartup. */
  webhooks?: readonly MockWebhookInput[];
  /** How webhook deliveries are sent; default the global `fetch` (see also `mock.webhooks.attach`). */
  webhookFetch?: typeof fetch;
  /** Called for each failed webhook delivery; default one `console.warn` line without secrets. */
  onWebhookFailure?: (delivery: WebhookDelivery) => void;
  /** Called when the mock itself fails (the caller got a 500); default logs to `console.error`. */
  onInternalError?: (error: unknown, request: Request) => void;
  /**
   * Emulate Jamf Cloud's cluster: requests land on `nodes` web applications (the `APBALANCEID`
   * cookie pins them to one), and an object one node creates answers 404 on the others for
   * `syncSeconds` (mock clock). Off by default. See {@link MockClusterOptions}.
   */
  cluster?: MockClusterOptions;
}

/** Request counters of a mock: how many were answered and how many were in flight at once. */
export interface JamfMockStats {
  readonly requests: number;
  readonly inFlight: number;
  /** Most requests in flight at the same time (Jamf asks clients to keep this ≤ 5). */
  readonly maxInFlight: number;
}

/** An in-process Jamf Pro: msw handlers over a shared, resettable state. */
export interface JamfMock {
  /** msw handlers, one per route (literal paths first) plus a final catch-all; list, filter or compose them. */
  readonly handlers: RequestHandler[];
  /** The current state; replaced by `reset()`. */
  readonly state: MockState;
  readonly faults: FaultRegistry;
  readonly clock: MockClock;
  readonly baseUrl: string;
  readonly stats: JamfMockStats;
  /** Errors the mock hit while answering (each answered with a 500); empty when all is well. */
  readonly internalErrors: readonly unknown[];
  /** Registered webhooks, their deliveries, and in-process receivers; cleared by `reset()`. */
  readonly webhooks: MockWebhooks;
  /** Makes every issued token invalid at once. */
  expireTokens(): void;
  /** Fresh state, no faults, zeroed stats, and the clock back to its source (no `advance`). */
  reset(): void;
}

/** Default origin of the in-process mock. */
export const DEFAULT_BASE_URL = 'https://jamf.example.test';
/** Default lifetime of user tokens, in seconds: 30 minutes, as Jamf documents for bearer tokens. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 1800;
/** Default `maxBodyBytes`: 20 GiB, more than any package a test sends (Jamf's own limit: unverified). */
export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 ** 3;

/**
 * Creates an in-process Jamf Pro mock. Use its `handlers` with msw's `setupServer` (or
 * `setupJamfMock` from `@jamf/mock-server/vitest`), or serve them with `startJamfMockServer`.
 * @example
 * const mock = createJamfMock({ accounts: [{ username: 'ci', password: 'secret', privileges: ['Read Computers'] }] });
 * const server = setupServer(...mock.handlers);
 */
export function createJamfMock(options: JamfMockOptions = {}): JamfMock {
  checkMockOptions(options);
  // The same server-address rules as every client of the SDK; plain http is fine for a mock.
  const baseUrl = parseJamfServer(options.baseUrl ?? DEFAULT_BASE_URL, {
    allowInsecureHttp: true,
  }).origin;
  const clock = createMockClock(options.now);
  const faults = new FaultRegistry();
  const spec: OpenApiDocument = proSpec;
  const names = privilegeNames(spec, privilegeCatalogue);
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  const freshState = () =>
    createMockState(clock, {
      accounts: options.accounts,
      seed: options.seed,
      counts: options.counts,
    });
  let state = freshState();
  const internalErrors: unknown[] = [];
  const stats = { requests: 0, inFlight: 0, maxInFlight: 0 };
  const webhooks = new MockWebhooks({
    baseUrl,
    clock,
    fetch: options.webhookFetch,
    onDeliveryFailure: options.onWebhookFailure,
    initial: options.webhooks,
    state: () => state,
  });
  const runtime: PipelineRuntime = {
    state: () => state,
    clock,
    faults,
    stats,
    webhooks,
    allowBasicAuthOnClassic: options.allowBasicAuthOnClassic ?? false,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    cluster: options.cluster === undefined ? undefined : new MockCluster(options.cluster, clock),
    onInternalError(error, request) {
      internalErrors.push(error);
      if (options.onInternalError) options.onInternalError(error, request);
      else
        console.error(
          `jamf-mock: internal error on ${request.method} ${new URL(request.url).pathname}`,
          error,
        );
    },
  };
  // Classic resources with a hand-written model; the spec-derived ones serve every other segment.
  const classicHandRoutes: Route[] = [
    ...classicRoutes(),
    ...classicResourceRoutes(classicPackages(spec)),
    ...classicResourceRoutes(classicComputerExtensionAttributes(spec)),
    ...classicResourceRoutes(classicMobileDeviceExtensionAttributes(spec)),
    ...classicResourceRoutes(classicDockItems(spec)),
    ...classicResourceRoutes(classicDistributionPoints(spec)),
    ...classicEbookRoutes(spec),
    ...classicFileUploadRoutes(spec),
    ...classicResourceRoutes(classicVppAccounts(spec)),
    ...classicResourceRoutes(classicAdvancedMobileDeviceSearches(spec)),
    ...classicResourceRoutes(classicAdvancedComputerSearches()),
    ...classicComputerReportRoutes(),
    ...classicResourceRoutes(classicSites()),
    ...classicResourceRoutes(classicWebhooks(webhooks)),
    ...classicMobileDeviceCommandRoutes(),
    ...classicComputerApplicationRoutes(),
    ...classicApplicationUsageRoutes(),
    ...classicHardwareSoftwareReportRoutes(),
    ...classicSavedSearchRoutes(spec),
    ...classicResourceRoutes(classicPeripheralTypes),
    ...classicResourceRoutes(classicPatchSoftwareTitles(spec)),
    ...classicPatchSourceRoutes(),
    ...classicPatchPolicyRoutes(),
    ...classicPatchReportRoutes(),
    ...classicDeviceViewRoutes({
      jamfProVersion: options.jamfProVersion ?? documentVersion(spec),
      privilegeNames: names,
    }),
  ];
  const classicRoutesAll: Route[] = [
    ...classicGenericRoutes(classicSegmentsOf(classicHandRoutes)),
    ...classicUsersByEmailRoute(),
    ...classicSingletonRoutes(classicSegmentsOf(classicHandRoutes)),
    ...classicHandRoutes,
  ];
  // Order matters: a later route replaces an earlier one for the same method and path, so the
  // hand-written models (computers, API roles, …) win over the generic, spec-derived state.
  const builtInRoutes: Route[] = [
    ...genericCollectionRoutes(spec),
    ...distributionPointRoutes(spec),
    ...ebookScopeRoutes(spec),
    ...patchTitleConfigurationRoutes(spec),
    ...patchPolicyRoutes(),
    ...patchReportRoutes(),
    packageUploadRoute(spec),
    ...settingsRoutes(spec),
    jamfProVersionRoute(options.jamfProVersion ?? documentVersion(spec)),
    startupStatusRoute(),
    cloudInformationRoute(),
    ...authRoutes({ tokenLifetimeSeconds, privilegeNames: names }),
    ...oauthRoutes(),
    ...apiRoleRoutes(names),
    ...privilegeRoutes(names),
    ...apiIntegrationRoutes(),
    ...userAccountRoutes(),
    ...inventoryProRoutes(),
    ...activationCodeRoutes(),
    ...siteRoutes(),
    ...classicRoutesAll,
    ...classicCollectionPosts(classicRoutesAll),
    schemaRoute(spec),
  ];
  const routes: Route[] = [
    ...builtInRoutes,
    ...csvExportRoutes(withParentChecks(builtInRoutes, spec), spec),
    ...(options.routes ?? []),
  ];
  const handlers = mswHandlers(
    runtime,
    buildRouteTable(spec, withParentChecks(routes, spec)),
    baseUrl,
  );

  return {
    handlers,
    get state() {
      return state;
    },
    faults,
    clock: { now: clock.now, advance: clock.advance },
    baseUrl,
    stats,
    internalErrors,
    webhooks,
    expireTokens: () => state.tokens.expireAll(),
    reset() {
      clock.reset();
      state = freshState();
      faults.clear();
      runtime.cluster?.reset();
      webhooks.clear();
      internalErrors.length = 0;
      stats.requests = 0;
      stats.maxInFlight = stats.inFlight;
    },
  };
}

/**
 * Refuses options the mock would otherwise take and misbehave with later (a `NaN` lifetime that
 * makes every token expired, a negative body limit, a string where a list is due), naming the
 * option; `counts` are checked where the inventory is built.
 */
function checkMockOptions(options: JamfMockOptions): void {
  const refuse = (message: string) => new MockOptionError('INVALID_MOCK_OPTION', message);
  if (typeof options !== 'object' || options === null) throw refuse('options must be an object');
  checkWholeNumber('tokenLifetimeSeconds', options.tokenLifetimeSeconds, 1);
  checkWholeNumber('maxBodyBytes', options.maxBodyBytes, 1);
  checkWholeNumber('seed', options.seed, 0);
  for (const name of ['accounts', 'routes', 'webhooks'] as const) {
    if (options[name] !== undefined && !Array.isArray(options[name])) {
      throw refuse(`${name} must be an array`);
    }
  }
  for (const name of ['now', 'webhookFetch', 'onWebhookFailure', 'onInternalError'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw refuse(`${name} must be a function`);
    }
  }
  if (
    options.counts !== undefined &&
    (typeof options.counts !== 'object' || options.counts === null)
  ) {
    throw refuse('counts must be an object such as { computers: 100 }');
  }
  const version = options.jamfProVersion;
  if (version !== undefined && !(typeof version === 'string' && JAMF_VERSION.test(version))) {
    throw refuse('jamfProVersion must be a version such as 11.25.2');
  }
  for (const account of options.accounts ?? []) {
    const { username, password, privileges } = (account ?? {}) as Partial<MockAccountOptions>;
    // Basic credentials cannot carry a ':' in the user name, nor an empty one.
    if (typeof username !== 'string' || username === '' || username.includes(':')) {
      throw refuse('each account needs a username without ":"');
    }
    if (typeof password !== 'string' || password === '') {
      throw refuse(`account ${username} needs a password`);
    }
    if (
      privileges !== undefined &&
      privileges !== 'all' &&
      !(Array.isArray(privileges) && privileges.every((name) => typeof name === 'string'))
    ) {
      throw refuse(`account ${username}: privileges must be 'all' or a list of privilege names`);
    }
  }
}
