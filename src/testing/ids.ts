const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A small seeded PRNG (mulberry32), so seeded fakes are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Makes ids like Close's: a prefix and 22 base-62 characters. */
export function prefixedIdMaker(random: () => number): (prefix: string) => string {
  return (prefix) => {
    let out = `${prefix}_`;
    for (let i = 0; i < 22; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return out;
  };
}

/** Makes v4-shaped UUIDs from a seeded PRNG (Whippy's ids). */
export function uuidMaker(random: () => number): () => string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}
