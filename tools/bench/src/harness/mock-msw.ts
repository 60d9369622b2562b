import { createRequire } from 'node:module';

/**
 * The part of msw the benchmarks use. msw is `@jamf/mock-server`'s dependency, not the bench's:
 * the references run on the very msw the mock's handlers come from, so the two are comparable
 * (and one copy's handlers are never handed to another copy's `getResponse`).
 */
export interface Msw {
  http: Record<'get' | 'post', (url: string, resolver: () => Response) => MswHandler>;
  HttpResponse: typeof Response;
  getResponse(handlers: readonly MswHandler[], request: Request): Promise<Response | undefined>;
}

/** An msw request handler, opaque here. */
export type MswHandler = { readonly __mswHandler?: never };

/** The msw that `@jamf/mock-server` itself resolves. */
export function loadMockMsw(): Msw {
  const fromBench = createRequire(import.meta.url);
  const mockManifest = fromBench.resolve('@jamf/mock-server/package.json');
  return createRequire(mockManifest)('msw') as Msw;
}
