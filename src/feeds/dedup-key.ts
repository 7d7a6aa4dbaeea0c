/**
 * The de-duplication key of a feed event: 64 bits of a hash of what makes an event the same
 * (feed, organisation, address or domain, port, identifier, type), as a signed high and an
 * unsigned low half. The unique index pairs it with the organisation and the window's bucket.
 *
 * Not a cryptographic hash: SHA-1 cost a tenth of a feed run, and a collision could only be
 * forced by whoever writes the feed's rows, who can as well leave an event out. Two independent
 * 32-bit lanes, each mixed per character and both folded together at the end, spread keys as
 * randomly as a 64-bit hash should (the test counts collisions on each half against chance).
 */
export interface DedupKey {
  hi: number;
  lo: number;
}

export function hash64(text: string): DedupKey {
  let h1 = 0x811c9dc5 ^ text.length;
  let h2 = 0x01000193 ^ Math.imul(text.length, 0x9e3779b1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x9e3779b1);
    h1 ^= h1 >>> 15;
    h2 = Math.imul(h2 ^ c, 0x85ebca77);
    h2 ^= h2 >>> 13;
  }
  h1 ^= Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b);
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 ^= Math.imul(h1 ^ (h1 >>> 15), 0x27d4eb2f);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x165667b1);
  h2 ^= h2 >>> 13;
  return { hi: h1 | 0, lo: h2 >>> 0 };
}
