/** Stable codes of {@link PackageUploadError}; branch on these, never on messages. */
export type PackageUploadErrorCode =
  /** The options name no package, both an id and a name, or no file. */
  | 'INVALID_OPTIONS'
  /** The file cannot be read (missing, a folder, no permission). */
  | 'FILE_UNREADABLE'
  /** No package record has the name, and `create` was not asked for. */
  | 'PACKAGE_NOT_FOUND'
  /** The connection failed before an answer came (the cause says why). */
  | 'NETWORK_ERROR';

/**
 * A package upload that could not start or got no answer. An answer with an error status is a
 * `JamfApiError` instead, as for every other call; an aborted upload rejects with the signal's reason.
 */
export class PackageUploadError extends Error {
  override readonly name = 'PackageUploadError';

  constructor(
    readonly code: PackageUploadErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
