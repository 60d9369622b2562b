import { ClassicApiError, codeForStatus } from './errors.js';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Reads Jamf's Classic error page (an HTML page whose paragraph `Error: …` says what went wrong)
 * into a `ClassicApiError`; a body that is no such page keeps the status' code and is attached
 * as `body` (cut to 2,000 characters) so nothing is lost.
 */
export function errorFromPage(
  status: number,
  body: string,
  request: { method: string; path: string },
): ClassicApiError {
  const paragraphs = [...body.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)].map((match) =>
    textOf(match[1] ?? ''),
  );
  const explained = paragraphs.find((text) => /^Error\b:?/i.test(text));
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
  const message = explained
    ? explained.replace(/^Error\b:?\s*/i, '')
    : (paragraphs[0] ?? (title ? textOf(title) : undefined));
  return new ClassicApiError(
    codeForStatus(status),
    message || `HTTP ${status} from ${request.method} ${request.path}`,
    {
      status,
      method: request.method,
      path: request.path,
      ...(explained ? {} : { body: body.slice(0, 2000) }),
    },
  );
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
