import { jamfError } from '../spec/jamf-error.js';
import type { MockClock } from '../state/clock.js';
import { MockOptionError } from '../state/mock-option-error.js';
import { classicNotFound } from './classic/classic-resource.js';
import type { IncomingRequest } from './incoming-request.js';
import { heldTextOf } from './responses/text-body.js';

/**
 * Jamf Cloud's cluster, emulated (`createJamfMock({ cluster: {} })`, `--cluster-nodes`): requests
 * land on one of several web application nodes, and an object one node creates stays unknown to
 * the others until the cluster refreshes.
 *
 * Jamf documents this in "Sticky Sessions for Jamf Cloud" (developer.jamf.com): requests "may be
 * routed to various web applications, which do not directly communicate with each other", "the
 * cluster refresh, which occurs every minute", and a cookie that pins later requests to the node
 * that set it; the cookie is `APBALANCEID`, sent in `Set-Cookie`
 * ([Jamf-Concepts/jamf-cli#82](https://github.com/Jamf-Concepts/jamf-cli/issues/82)).
 * What the mock models of it: the node a request lands on (its cookie's, else the next in turn),
 * the cookie on every answer, and an object created on one node answering 404 on the others for
 * `syncSeconds`. Unverified: the cookie's value format and attributes, the turn order, and that
 * lists, changes and deletions stay consistent across nodes (the mock keeps them so).
 */
export interface MockClusterOptions {
  /** Web application nodes behind the load balancer; default 3. */
  nodes?: number;
  /** Seconds before the other nodes know an object one node created; default 60. */
  syncSeconds?: number;
}

/** The load balancer's affinity cookie. */
export const CLUSTER_COOKIE = 'APBALANCEID';

const NODE_VALUE = /^mock\.node-(\d+)$/;

/** Where a 201 says the new object lives: Pro's `href`, a Pro object's `id`, Classic's `<id>`. */
function createdPath(pathname: string, body: string): string | undefined {
  if (pathname.startsWith('/JSSResource/')) {
    const id = /<id>(\d+)<\/id>/.exec(body)?.[1];
    const collection = /^(\/JSSResource\/[a-z]+)\/id\/0$|^(\/JSSResource\/[a-z]+)$/.exec(pathname);
    const base = collection?.[1] ?? collection?.[2];
    return id === undefined || base === undefined ? undefined : `${base}/id/${id}`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { href, id } = parsed as { href?: unknown; id?: unknown };
  if (typeof href === 'string') {
    try {
      return new URL(href).pathname;
    } catch {
      return undefined;
    }
  }
  return typeof id === 'string' || typeof id === 'number'
    ? `${pathname.replace(/\/$/, '')}/${id}`
    : undefined;
}

/** The nodes of an emulated Jamf Cloud cluster and the objects each has not heard of yet. */
export class MockCluster {
  readonly #nodes: number;
  readonly #syncMs: number;
  readonly #clock: MockClock;
  #turn = 0;
  /** Object path → the node that created it and when. */
  readonly #created = new Map<string, { node: number; at: number }>();
  readonly #nodeOf = new WeakMap<IncomingRequest, number>();

  constructor(options: MockClusterOptions, clock: MockClock) {
    const refuse = (message: string) => new MockOptionError('INVALID_MOCK_OPTION', message);
    if (typeof options !== 'object' || options === null)
      throw refuse('cluster must be an object such as { nodes: 3 }');
    const nodes = options.nodes ?? 3;
    const syncSeconds = options.syncSeconds ?? 60;
    if (!Number.isInteger(nodes) || nodes < 1 || nodes > 64)
      throw refuse('cluster.nodes must be a whole number from 1 to 64');
    if (!Number.isFinite(syncSeconds) || syncSeconds < 0)
      throw refuse('cluster.syncSeconds must be a number of seconds, 0 or more');
    this.#nodes = nodes;
    this.#syncMs = syncSeconds * 1000;
    this.#clock = clock;
  }

  /** The node `incoming` lands on: the one its cookie names, else the next in turn. */
  nodeOf(incoming: IncomingRequest): number {
    const known = this.#nodeOf.get(incoming);
    if (known !== undefined) return known;
    const named = cookieNode(incoming.headers.get('cookie'));
    const node =
      named !== undefined && named >= 0 && named < this.#nodes ? named : this.#turn++ % this.#nodes;
    this.#nodeOf.set(incoming, node);
    return node;
  }

  /** Jamf's 404 when `incoming` names an object its node has not heard of yet. */
  hidden(incoming: IncomingRequest, isClassic: boolean): Response | undefined {
    if (this.#created.size === 0) return undefined;
    const node = this.nodeOf(incoming);
    const now = this.#clock.now();
    const segments = incoming.url.pathname.split('/');
    for (let end = segments.length; end > 2; end--) {
      const path = segments.slice(0, end).join('/');
      const created = this.#created.get(path);
      if (created === undefined) continue;
      if (now - created.at >= this.#syncMs) {
        this.#created.delete(path);
        continue;
      }
      if (created.node === node) continue;
      return isClassic
        ? classicNotFound()
        : jamfError(404, 'INVALID_ID', `No object at ${path}`, 'id');
    }
    return undefined;
  }

  /** `response` with the node's cookie, after noting an object a `POST` created on that node. */
  settle(incoming: IncomingRequest, response: Response): Response | Promise<Response> {
    const node = this.nodeOf(incoming);
    const secure = incoming.url.protocol === 'https:' ? '; Secure' : '';
    const withCookie = (answer: Response): Response => {
      try {
        answer.headers.append(
          'set-cookie',
          `${CLUSTER_COOKIE}=mock.node-${node + 1}; Path=/; HttpOnly${secure}`,
        );
        return answer;
      } catch {
        // Immutable headers (a network error): nothing to set a cookie on.
        return answer;
      }
    };
    if (incoming.method !== 'POST' || response.status !== 201 || this.#syncMs === 0) {
      return withCookie(response);
    }
    const note = (body: string): Response => {
      const path = createdPath(incoming.url.pathname, body);
      if (path !== undefined) this.#created.set(path, { node, at: this.#clock.now() });
      return withCookie(response);
    };
    const held = heldTextOf(response);
    return held !== undefined ? note(held) : response.clone().text().then(note);
  }

  /** Forgets every object waiting for the refresh, and starts the turn over. */
  reset(): void {
    this.#created.clear();
    this.#turn = 0;
  }
}

/** The node index (0-based) an `APBALANCEID` cookie names, if it names one. */
function cookieNode(header: string | null): number | undefined {
  if (header === null) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== CLUSTER_COOKIE) continue;
    const index = NODE_VALUE.exec(part.slice(eq + 1).trim())?.[1];
    if (index !== undefined) return Number(index) - 1;
  }
  return undefined;
}
