const encoder = new TextEncoder();

/** The SHA-256 digest of `bytes` (WebCrypto: Node 20, Bun, Deno, browsers, workers). */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Compares `presented` with a secret's precomputed digest in time independent of where they
 * differ: both sides are hashed to 32 bytes first, so neither length nor content leaks, and the
 * loop visits every byte. Runtime-neutral (no `node:crypto.timingSafeEqual`).
 */
export async function matchesDigest(presented: Uint8Array, expected: Uint8Array): Promise<boolean> {
  const actual = await sha256(presented);
  let difference = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (actual[i] ?? 0) ^ expected[i]!;
  return difference === 0;
}
