const encoder = new TextEncoder();

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * True when `presented` equals `expected`, in time that does not depend on where they differ: the
 * loop always visits every byte of `expected` (the secret), reading `presented` through a copy of
 * the same length, and a length mismatch is folded into the result instead of returning early.
 * Runtime-neutral (no `node:crypto.timingSafeEqual`), and synchronous: a WebCrypto digest of
 * each request's credentials measured ~130 µs here, most of a delivery's cost.
 */
export function equalsInConstantTime(presented: Uint8Array, expected: Uint8Array): boolean {
  const padded = new Uint8Array(expected.length);
  padded.set(presented.subarray(0, expected.length));
  let difference = presented.length === expected.length ? 0 : 1;
  for (let i = 0; i < expected.length; i++) difference |= padded[i]! ^ expected[i]!;
  return difference === 0;
}
