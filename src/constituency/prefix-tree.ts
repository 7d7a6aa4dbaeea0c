/**
 * Longest-prefix match over IPv4 and IPv6: a binary trie per family, its nodes held in typed
 * arrays so that 100,000 prefixes cost a few megabytes and a lookup is a walk of at most 32 or
 * 128 array reads with no allocation. Each node may carry several values: two organisations may
 * claim the same netblock, and both are shown.
 */
import type { Address, Family, Prefix } from './ip.js';

const NONE = -1;

class BinaryTrie<T> {
  private zero: Int32Array = new Int32Array(1024);
  private one: Int32Array = new Int32Array(1024);
  private slot: Int32Array = new Int32Array(1024).fill(NONE);
  private nodes = 1;
  readonly values: T[][] = [];

  private grow(): void {
    const size = this.zero.length * 2;
    const expand = (old: Int32Array, fill: number): Int32Array => {
      const next = new Int32Array(size).fill(fill);
      next.set(old);
      return next;
    };
    this.zero = expand(this.zero, 0);
    this.one = expand(this.one, 0);
    this.slot = expand(this.slot, NONE);
  }

  insert(words: readonly number[], length: number, value: T): void {
    let node = 0;
    for (let i = 0; i < length; i++) {
      const bit = (words[i >>> 5]! >>> (31 - (i & 31))) & 1;
      const children = bit ? this.one : this.zero;
      let next = children[node]!;
      if (next === 0) {
        if (this.nodes === this.zero.length) this.grow();
        next = this.nodes++;
        (bit ? this.one : this.zero)[node] = next;
      }
      node = next;
    }
    if (this.slot[node] === NONE) {
      this.slot[node] = this.values.length;
      this.values.push([]);
    }
    this.values[this.slot[node]!]!.push(value);
  }

  /**
   * The slots of every prefix that contains the address within `maxLength` bits, least specific
   * first; `longest` returns only the last without building the list.
   */
  matches(words: readonly number[], maxLength: number): Array<{ length: number; values: T[] }> {
    const found: Array<{ length: number; values: T[] }> = [];
    let node = 0;
    for (let i = 0; ; i++) {
      const slot = this.slot[node]!;
      if (slot !== NONE) found.push({ length: i, values: this.values[slot]! });
      if (i === maxLength) break;
      const bit = (words[i >>> 5]! >>> (31 - (i & 31))) & 1;
      node = (bit ? this.one : this.zero)[node]!;
      if (node === 0) break;
    }
    return found;
  }

  longest(words: readonly number[], maxLength: number): T[] | undefined {
    let best = NONE;
    let node = 0;
    for (let i = 0; ; i++) {
      const slot = this.slot[node]!;
      if (slot !== NONE) best = slot;
      if (i === maxLength) break;
      const bit = (words[i >>> 5]! >>> (31 - (i & 31))) & 1;
      node = (bit ? this.one : this.zero)[node]!;
      if (node === 0) break;
    }
    return best === NONE ? undefined : this.values[best];
  }

  /** A fast path for the common case of an IPv4 address: no array of words. */
  longestV4(address: number): T[] | undefined {
    let best = NONE;
    let node = 0;
    for (let shift = 31; ; shift--) {
      const slot = this.slot[node]!;
      if (slot !== NONE) best = slot;
      if (shift < 0) break;
      node = ((address >>> shift) & 1 ? this.one : this.zero)[node]!;
      if (node === 0) break;
    }
    return best === NONE ? undefined : this.values[best];
  }

  get size(): number {
    return this.nodes;
  }
}

export interface Match<T> {
  length: number;
  values: T[];
}

export class PrefixTree<T> {
  private readonly v4 = new BinaryTrie<T>();
  private readonly v6 = new BinaryTrie<T>();
  private count = 0;

  private trie(family: Family): BinaryTrie<T> {
    return family === 4 ? this.v4 : this.v6;
  }

  insert(prefix: Prefix, value: T): void {
    this.trie(prefix.family).insert(prefix.words, prefix.length, value);
    this.count++;
  }

  /** The values of the most specific prefix containing the address (or the whole prefix given). */
  longest(target: Address | Prefix): T[] | undefined {
    if (target.family === 4 && !('length' in target)) return this.v4.longestV4(target.words[0]!);
    return this.trie(target.family).longest(target.words, 'length' in target ? target.length : target.family === 4 ? 32 : 128);
  }

  longestV4(address: number): T[] | undefined {
    return this.v4.longestV4(address);
  }

  /** Every prefix containing the target, least specific first: to show overlaps. */
  matches(target: Address | Prefix): Match<T>[] {
    return this.trie(target.family).matches(target.words, 'length' in target ? target.length : target.family === 4 ? 32 : 128);
  }

  get prefixes(): number {
    return this.count;
  }

  get nodes(): number {
    return this.v4.size + this.v6.size;
  }
}
