/** Stable codes of {@link JamfWebhookError}; branch on these, never on messages. */
export type JamfWebhookErrorCode =
  /** The body is not well-formed JSON or XML. */
  | 'MALFORMED_BODY'
  /** The body parsed but is not a `{ webhook, event }` envelope with a known `webhookEvent`. */
  | 'UNKNOWN_EVENT'
  /** The envelope names a known event but its fields do not match that event's shape. */
  | 'INVALID_PAYLOAD'
  /** The request's `Content-Type` is neither JSON nor XML. */
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** The body is larger than the receiver's `maxBodyBytes`. */
  | 'BODY_TOO_LARGE'
  /** Options given to a function of this package are unusable (a missing secret, a bad count). */
  | 'INVALID_OPTIONS';

/**
 * The one error class of `@jamf/webhooks`: a stable `code`, the original `cause`, never a secret.
 * Thrown by {@link parseWebhook} and by option checks; the receiver turns it into a 4xx answer.
 */
export class JamfWebhookError extends Error {
  override readonly name = 'JamfWebhookError';
  /** Where validation failed, as dotted paths (`event.jssID`), for `INVALID_PAYLOAD`. */
  readonly issues: readonly string[];

  constructor(
    readonly code: JamfWebhookErrorCode,
    message: string,
    options?: ErrorOptions & { issues?: readonly string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.issues = options?.issues ?? [];
  }
}

/** True when `value` is a {@link JamfWebhookError}, optionally with the given `code`. */
export function isJamfWebhookError(
  value: unknown,
  code?: JamfWebhookErrorCode,
): value is JamfWebhookError {
  return value instanceof JamfWebhookError && (code === undefined || value.code === code);
}
