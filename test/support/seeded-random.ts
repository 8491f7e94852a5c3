// A seeded PRNG (sfc32) so a failing random case can be replayed from its seed. Not for secrets.

/** A reproducible source of numbers, bytes, picks and strings. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** `size` random bytes. */
  bytes(size: number): Uint8Array;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
}

/** A SeededRandom from a 32-bit seed. */
export function seededRandom(seed: number): SeededRandom {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  const random: SeededRandom = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    bytes: (size) => Uint8Array.from({ length: size }, () => Math.floor(next() * 256)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
  };
  return random;
}

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  '._-+@ !#$%&*()[]{}:;"\'\\/|?<>,~`^=',
  'éèàçüöäßñøÅÆŒ',
  'дмитрийΑΒΓΔΩ中文字符日本語한국어',
  '😀🎉🔐👩‍💻',
];

/** A string of 0..max characters from ASCII and non-ASCII alphabets, emoji (surrogate pairs) included. */
export function randomText(random: SeededRandom, max: number): string {
  const length = random.int(0, max);
  let text = '';
  while (text.length < length) {
    const alphabet = [...random.pick(ALPHABETS)];
    text += random.pick(alphabet);
  }
  return text;
}
