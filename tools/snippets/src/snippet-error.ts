/** Why a documentation page's snippets could not be read. */
export type SnippetErrorCode = 'SNIPPET_FILE_MISSING' | 'SNIPPET_REGION_MISSING';

/** Thrown by `readSnippets` when a marker names a file or region that does not exist. */
export class SnippetError extends Error {
  override readonly name = 'SnippetError';

  constructor(
    /** Stable code of this failure. */
    readonly code: SnippetErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
