import { codeForStatus } from '@jamf/core';
import { ClassicApiError } from './errors.js';

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
  // Jamf's page: the status name, then what went wrong (`Error: …` when Jamf explains it).
  const message = explained
    ? explained.replace(/^Error\b:?\s*/i, '')
    : (paragraphs[1] ?? paragraphs[0] ?? (title ? textOf(title) : undefined));
  return new ClassicApiError(
    codeForStatus(status),
    message || `HTTP ${status} from ${request.method} ${request.path}`,
    {
      status,
      method: request.method,
      path: request.path,
      ...(paragraphs.length > 0 ? {} : { body: body.slice(0, 2000) }),
    },
  );
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? entity;
      const isHex = name[1] === 'x' || name[1] === 'X';
      const point = isHex ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return point <= 0x10ffff ? String.fromCodePoint(point) : entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
