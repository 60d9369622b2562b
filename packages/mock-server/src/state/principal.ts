/** Who made a request, once its token or Basic credentials were accepted. */
export interface Principal {
  /** A user account (Basic or a user's Bearer token) or an API client (OAuth client credentials). */
  kind: 'account' | 'api-client';
  /** Account id, or the API integration's id, as a string. */
  id: string;
  /** Username, or the API client's `clientId`. */
  name: string;
  /** The privileges held right now (`'all'` for full administrators); read live, so role edits apply at once. */
  privileges(): ReadonlySet<string> | 'all';
  /** The `token-uuid` of the token used, or undefined for Basic authentication. */
  tokenId: string | undefined;
}

/** True when `principal` holds every one of `required`. */
export function hasPrivileges(principal: Principal, required: readonly string[]): boolean {
  const held = principal.privileges();
  if (held === 'all') return true;
  return required.every((name) => held.has(name));
}
