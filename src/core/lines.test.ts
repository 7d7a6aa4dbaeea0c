import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeLine, lines, lineChunks, type Line } from './lines.js';

/** What the lines of `bytes` are, one line at a time, as plainly as it can be said. */
function reference(bytes: Buffer, maxLineBytes: number): Line[] {
  const out: Line[] = [];
  let from = 0;
  let number = 0;
  while (from < bytes.length) {
    const nl = bytes.indexOf(10, from);
    const end = nl < 0 ? bytes.length : nl;
    number++;
    out.push(end - from > maxLineBytes ? { number, text: '', tooLong: true } : { number, text: decodeLine(bytes.subarray(from, end)).replace(/\r$/, '') });
    from = end + 1;
  }
  return out;
}

function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) parts.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  return parts;
}

const lineText = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('', '\r', 'å\r', '"a","b"'));

describe('lines of a byte stream', () => {
  it('are the same whatever the chunks: UTF-8 or Latin-1 per line, CR LF, empty lines, no final newline, over-long lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(lineText.map((t) => Buffer.from(t)), fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a).filter((b) => b !== 10))), { maxLength: 30 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 4, max: 64 }),
        async (parts, finalNewline, cuts, max) => {
          const bytes = Buffer.concat(parts.flatMap((p, i) => (i < parts.length - 1 || finalNewline ? [p, Buffer.from('\n')] : [p])));
          const got: Line[] = [];
          for await (const line of lines(Readable.from(chunked(bytes, cuts)), max)) got.push(line);
          expect(got).toEqual(reference(bytes, max));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('come a chunk at a time', async () => {
    const chunks: string[][] = [];
    for await (const chunk of lineChunks(Readable.from([Buffer.from('a\nb\nc'), Buffer.from('d\ne\n')]))) chunks.push(chunk.map((l) => l.text));
    expect(chunks).toEqual([['a', 'b'], ['cd', 'e']]);
  });
});
