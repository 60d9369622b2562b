/** Stable codes of {@link JamfAuthError}; branch on these, never on messages. */
export type JamfAuthErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'INVALID_CLIENT'
  | 'INVALID_SCOPE'
  | 'INVALID_REQUEST'
  | 'UNAUTHORIZED_CLIENT'
  | 'UNSUPPORTED_GRANT_TYPE'
  | 'MISSING_CREDENTIALS'
  | 'TOKEN_ENDPOINT_UNREACHABLE'
  | 'TOKEN_ENDPOINT_ERROR'
  | 'TOKEN_RESPONSE_INVALID'
  | 'KEEP_ALIVE_REFUSED'
  | 'UNAUTHORIZED_AFTER_REFRESH'
  | 'INSECURE_TRANSPORT'
  | 'INVALID_BASE_URL'
  | 'INVALID_OPTIONS'
  | 'TIMEOUT'
  | 'RATE_LIMITED'
  | 'PROVIDER_CLOSED'
  // Credential sources (`@jamf/auth/sources`, `@jamf/auth/aws-secrets-manager`).
  | 'NOT_A_TTY'
  | 'PROMPT_CANCELLED'
  | 'KEYCHAIN_UNAVAILABLE'
  | 'KEYCHAIN_ITEM_NOT_FOUND'
  | 'CREDENTIALS_DOCUMENT_INVALID'
  | 'SECRET_UNAVAILABLE'
  | 'PEER_DEPENDENCY_MISSING'
  // Token stores (`@jamf/auth/file-store`, `@jamf/auth/redis-store`).
  | 'STORE_LOCK_TIMEOUT'
  | 'STORE_UNSUPPORTED_CLIENT'
  | 'STORE_OPTIONS_INVALID'
  /** The store's file or server cannot be used (no Redis answer in time, an unwritable folder). */
  | 'STORE_UNAVAILABLE';

/** Extra, secret-free facts some codes carry. */
export interface JamfAuthErrorDetails {
  /** HTTP status of the response that caused the error, when there was one. */
  status?: number;
  /** For `RATE_LIMITED`: how long the server asked to wait, in milliseconds. */
  retryAfterMs?: number;
}

/**
 * The one error class of `@jamf/auth`: a stable `code`, the original `cause`, and never a secret.
 * Thrown by providers, middleware and stores; test with `error instanceof JamfAuthError`.
 */
export class JamfAuthError extends Error {
  override readonly name = 'JamfAuthError';
  /** HTTP status of the response behind the error, if any. */
  readonly status: number | undefined;
  /** For `RATE_LIMITED`: the server's `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly code: JamfAuthErrorCode,
    message: string,
    options?: ErrorOptions & JamfAuthErrorDetails,
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** True when `value` is a {@link JamfAuthError}, optionally with the given `code`. */
export function isJamfAuthError(value: unknown, code?: JamfAuthErrorCode): value is JamfAuthError {
  return value instanceof JamfAuthError && (code === undefined || value.code === code);
}
