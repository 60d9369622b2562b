/**
 * A `fetch`: what every client and layer of the SDK sends requests with and what the wrappers
 * (`withAuth`, `withRetry`, …) take and return. The platform's `fetch` is one; so is any function
 * that takes a `Request` (or a URL and init) and resolves to a `Response`.
 */
export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
