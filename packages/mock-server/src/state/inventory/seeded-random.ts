/** A deterministic pseudo-random source (mulberry32): the same seed always yields the same data. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One element of `items`. */
  pick<T>(items: readonly T[]): T;
  /** `length` hex digits. */
  hex(length: number): string;
}

/** Creates a {@link SeededRandom} from a 32-bit seed. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    hex(length: number): string {
      let out = '';
      while (out.length < length)
        out += Math.floor(next() * 0x100000000)
          .toString(16)
          .padStart(8, '0');
      return out.slice(0, length);
    },
  };
}

const SERIAL_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** A 12-character Apple-style serial number starting with `prefix`. */
export function serialNumber(random: SeededRandom, prefix: string): string {
  let out = prefix;
  while (out.length < 12) out += SERIAL_CHARS[random.int(0, SERIAL_CHARS.length - 1)];
  return out;
}

/** An uppercase UUID from the seeded source. */
export function seededUuid(random: SeededRandom): string {
  const h = random.hex(32).toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-A${h.slice(17, 20)}-${h.slice(20)}`;
}
