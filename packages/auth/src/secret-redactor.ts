const REDACTED = '[redacted]';
/** Built-in error classes whose copies keep their class (`fetch` fails with a TypeError). */
const SAME_SHAPE_ERRORS: ErrorConstructor[] = [TypeError, RangeError, SyntaxError, Error];

/** Base64 of the UTF-8 bytes of `text`, without Node's Buffer. */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Every spelling of `secret` that can end up in a message: raw, URL-encoded (form bodies,
 * query strings), JSON-escaped (a body echoed inside JSON) and base64 (a Basic header).
 */
export function encodedForms(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    base64Utf8(secret),
  ];
  return [...new Set(forms.filter((form) => form.length > 0))];
}

/**
 * Removes secrets, in all their encodings, from text and from errors; used on everything that
 * leaves a token request (messages and the `cause` of a failed `fetch`).
 */
export class SecretRedactor {
  readonly #forms: string[];

  constructor(secrets: readonly string[]) {
    // Longest first, so a secret containing another is replaced whole.
    this.#forms = [...new Set(secrets.filter((s) => s !== '').flatMap(encodedForms))].sort(
      (a, b) => b.length - a.length,
    );
  }

  /** `text` with every form of every secret replaced by `[redacted]`. */
  redact(text: string): string {
    let result = text;
    for (const form of this.#forms) result = result.split(form).join(REDACTED);
    return result;
  }

  /**
   * A copy of `error` safe to keep as a `cause`: same name, message, stack and string `code`,
   * redacted, with its own `cause` sanitized in turn (a few levels deep). Other fields, which
   * may hold a request and its headers, are dropped.
   */
  sanitize(error: unknown, depth = 0): unknown {
    if (!(error instanceof Error)) {
      return new Error(this.redact(typeof error === 'string' ? error : 'non-Error value thrown'));
    }
    const Kind = SAME_SHAPE_ERRORS.find((kind) => error.constructor === kind) ?? Error;
    const copy = new Kind(this.redact(error.message));
    copy.name = error.name;
    copy.stack = this.redact(error.stack ?? '');
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') (copy as Error & { code: string }).code = this.redact(code);
    if (error.cause !== undefined && depth < 4) copy.cause = this.sanitize(error.cause, depth + 1);
    return copy;
  }
}
