/**
 * True when `value` can follow a scheme in an `Authorization` header: visible ASCII, no spaces.
 * A token with CR/LF or non-ASCII would otherwise fail later inside `fetch` with a platform
 * error that quotes the whole header, token included.
 */
export function isHeaderSafeToken(value: string): boolean {
  return /^[\x21-\x7e]+$/.test(value);
}

/** True when `value` is an HTTP token (RFC 9110 `tchar`s), as an authentication scheme must be. */
export function isHttpToken(value: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value);
}
