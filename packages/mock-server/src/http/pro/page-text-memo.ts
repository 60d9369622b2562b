import { EncodedText } from '../responses/text-body.js';

/** Most pages one memo keeps. */
const MAX_PAGES = 8;
/**
 * Most characters of JSON one memo keeps, all pages together: ~16 MB of UTF-16 text, plus the
 * UTF-8 bytes of pages served twice (8 MB more for ASCII JSON).
 */
const MAX_CHARACTERS = 8 * 1024 * 1024;

interface PageText {
  items: readonly unknown[];
  totalCount: number;
  body: EncodedText;
}

/**
 * The JSON text of the last pages of one list route, for items that are replaced (never changed
 * in place) when they change: a page whose items are the same objects, with the same total, is
 * the same text, so it is not shaped to the schema and serialised again. Any write replaces the
 * item it touches (or changes the total), so the next read misses and builds the page afresh.
 * Shaping (`conformToSchema`) and `JSON.stringify` of 100 computers were most of an inventory
 * page's cost in the standalone server (bench P4's profile). A page served again is written from
 * UTF-8 bytes kept beside its text ({@link EncodedText}) instead of encoding ~60 KB per request.
 */
export class PageTextMemo {
  readonly #pages = new Map<string, PageText>();
  #characters = 0;

  /** The body built for exactly these `items` and `totalCount` under `key` (the query), if kept. */
  get(key: string, items: readonly unknown[], totalCount: number): EncodedText | undefined {
    const page = this.#pages.get(key);
    if (page === undefined || page.totalCount !== totalCount) return undefined;
    if (page.items.length !== items.length) return undefined;
    for (let index = 0; index < items.length; index++) {
      if (page.items[index] !== items[index]) return undefined;
    }
    return page.body;
  }

  /** Keeps `text` (encoded) as the page for `items` and `totalCount` under `key`; returns it. */
  set(key: string, items: readonly unknown[], totalCount: number, text: string): EncodedText {
    this.#forget(key);
    const body = new EncodedText(text);
    if (text.length > MAX_CHARACTERS) return body;
    while (
      this.#pages.size >= MAX_PAGES ||
      (this.#pages.size > 0 && this.#characters + text.length > MAX_CHARACTERS)
    ) {
      const oldest = this.#pages.keys().next();
      if (oldest.done) break;
      this.#forget(oldest.value);
    }
    this.#pages.set(key, { items: [...items], totalCount, body });
    this.#characters += text.length;
    return body;
  }

  #forget(key: string): void {
    const page = this.#pages.get(key);
    if (page === undefined) return;
    this.#pages.delete(key);
    this.#characters -= page.body.text.length;
  }
}
