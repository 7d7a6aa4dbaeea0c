/**
 * Longest-prefix match over IPv4 and IPv6: a binary trie per family, its nodes held in typed
 * arrays so that 100,000 prefixes cost a few megabytes and a lookup is a walk of at most 32 or
 * 128 array reads with no allocation. Each node may carry several values: two organisations may
 * claim the same netblock, and both are shown.
 */
import { isPrefix, type Address, type Family, type Prefix } from './ip.js';

const NONE = -1;

class BinaryTrie<T> {
  /** children[2n] and children[2n+1]: node n's 0 and 1 child; 0 means none (the root is no one's child). */
  private children: Int32Array = new Int32Array(2048);
  private slot: Int32Array = new Int32Array(1024).fill(NONE);
  private nodes = 1;
  readonly values: T[][] = [];

  private grow(): void {
    const children = new Int32Array(this.children.length * 2);
    children.set(this.children);
    const slot = new Int32Array(this.slot.length * 2).fill(NONE);
    slot.set(this.slot);
    this.children = children;
    this.slot = slot;
  }

  insert(words: readonly number[], length: number, value: T): void {
    let node = 0;
    for (let i = 0; i < length; i++) {
      const at = (node << 1) | ((words[i >>> 5]! >>> (31 - (i & 31))) & 1);
      let next = this.children[at]!;
      if (next === 0) {
        if (this.nodes === this.slot.length) this.grow();
        next = this.nodes++;
        this.children[at] = next;
      }
      node = next;
    }
    if (this.slot[node] === NONE) {
      this.slot[node] = this.values.length;
      this.values.push([]);
    }
    this.values[this.slot[node]!]!.push(value);
  }

  /** The slots of every prefix that contains the address within `maxLength` bits, least specific first. */
  matches(words: readonly number[], maxLength: number): Array<{ length: number; values: T[] }> {
    const found: Array<{ length: number; values: T[] }> = [];
    const { children, slot } = this;
    let node = 0;
    for (let i = 0; ; i++) {
      const s = slot[node]!;
      if (s !== NONE) found.push({ length: i, values: this.values[s]! });
      if (i === maxLength) break;
      node = children[(node << 1) | ((words[i >>> 5]! >>> (31 - (i & 31))) & 1)]!;
      if (node === 0) break;
    }
    return found;
  }

  longest(words: readonly number[], maxLength: number): T[] | undefined {
    const { children, slot } = this;
    let best = NONE;
    let node = 0;
    for (let i = 0; ; i++) {
      const s = slot[node]!;
      if (s !== NONE) best = s;
      if (i === maxLength) break;
      node = children[(node << 1) | ((words[i >>> 5]! >>> (31 - (i & 31))) & 1)]!;
      if (node === 0) break;
    }
    return best === NONE ? undefined : this.values[best];
  }

  /** A fast path for the common case of an IPv4 address: no array of words. */
  longestV4(address: number): T[] | undefined {
    const { children, slot } = this;
    let best = NONE;
    let node = 0;
    for (let shift = 31; ; shift--) {
      const s = slot[node]!;
      if (s !== NONE) best = s;
      if (shift < 0) break;
      node = children[(node << 1) | ((address >>> shift) & 1)]!;
      if (node === 0) break;
    }
    return best === NONE ? undefined : this.values[best];
  }

  get size(): number {
    return this.nodes;
  }
}

/** How many leading bits to walk: a prefix's length, or the whole address. */
const bitsOf = (target: Address | Prefix): number => (isPrefix(target) ? target.length : target.family === 4 ? 32 : 128);

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
    if (target.family === 4 && !isPrefix(target)) return this.v4.longestV4(target.words[0]!);
    return this.trie(target.family).longest(target.words, bitsOf(target));
  }

  longestV4(address: number): T[] | undefined {
    return this.v4.longestV4(address);
  }

  /** Every prefix containing the target, least specific first: to show overlaps. */
  matches(target: Address | Prefix): Match<T>[] {
    return this.trie(target.family).matches(target.words, bitsOf(target));
  }

  get prefixes(): number {
    return this.count;
  }

  get nodes(): number {
    return this.v4.size + this.v6.size;
  }
}
