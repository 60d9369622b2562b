import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';

/** Where a schema came from and how to reach it. */
export interface LoadSchemaOptions {
  /** Bearer token for a live server's `/api/schema`. */
  token?: string;
  /** Injected for tests; defaults to the platform's. */
  fetch?: typeof fetch;
}

/** A schema document as read, with the text it was parsed from kept out of the way. */
export interface LoadedSchema {
  document: Record<string, unknown>;
  /** A file path or a URL (without credentials). */
  source: string;
}

/** Raised when a schema cannot be read or parsed; names the source, never a token. */
export class SchemaLoadError extends Error {
  override readonly name = 'SchemaLoadError';
  constructor(
    readonly code: 'NOT_FOUND' | 'HTTP_ERROR' | 'PARSE_ERROR',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Reads a Jamf schema from a file (JSON or YAML) or from a live server's `/api/schema` URL.
 */
export async function loadSchema(
  source: string,
  options: LoadSchemaOptions = {},
): Promise<LoadedSchema> {
  const isUrl = /^https?:\/\//i.test(source);
  let text: string;
  if (isUrl) {
    const url = new URL(source);
    const response = await (options.fetch ?? fetch)(url, {
      headers: {
        accept: 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
    }).catch((cause: unknown) => {
      throw new SchemaLoadError('HTTP_ERROR', `Could not reach ${url.origin}${url.pathname}`, {
        cause,
      });
    });
    if (!response.ok) {
      throw new SchemaLoadError(
        'HTTP_ERROR',
        `${url.origin}${url.pathname} answered HTTP ${response.status}`,
      );
    }
    text = await response.text();
  } else {
    text = await readFile(source, 'utf8').catch((cause: unknown) => {
      throw new SchemaLoadError('NOT_FOUND', `Cannot read schema file ${source}`, { cause });
    });
  }
  try {
    const document = (
      text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text)
    ) as unknown;
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      throw new Error('the document is not an object');
    }
    return {
      document: document as Record<string, unknown>,
      source: isUrl ? redactUrl(source) : source,
    };
  } catch (cause) {
    throw new SchemaLoadError(
      'PARSE_ERROR',
      `Schema from ${isUrl ? redactUrl(source) : source} is neither JSON nor YAML`,
      {
        cause,
      },
    );
  }
}

function redactUrl(source: string): string {
  const url = new URL(source);
  url.username = '';
  url.password = '';
  url.search = '';
  return url.toString();
}
