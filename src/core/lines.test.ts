import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { decodeLine, gunzippedWhenGzip, lines, lineChunks, type Line } from './lines.js';

/** What the lines of `bytes` are, one line at a time, as plainly as it can be said. */
function reference(bytes: Buffer, maxLineBytes: number): Line[] {
  const out: Line[] = [];
  let from = 0;
  let number = 0;
  while (from < bytes.length) {
    const nl = bytes.indexOf(10, from);
    const end = nl < 0 ? bytes.length : nl;
    number++;
    out.push(
      end - from > maxLineBytes
        ? { number, text: '', tooLong: true }
        : { number, text: decodeLine(bytes.subarray(from, end)).replace(/\r$/, '') },
    );
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

const lineText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', '\r', 'å\r', '"a","b"'),
);

async function bytesOf(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

describe('gzip by its magic number', () => {
  it('gunzips what is gzip and passes on what is not, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (data, compress, cuts) => {
          const bytes = Buffer.from(data);
          const sent = compress ? gzipSync(bytes) : bytes;
          // Plain bytes that happen to begin as gzip does are not plain bytes for this test.
          fc.pre(compress || !(bytes[0] === 0x1f && bytes[1] === 0x8b));
          expect(await bytesOf(gunzippedWhenGzip(Readable.from(chunked(sent, cuts))))).toEqual(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says so when gzip is broken, and lets a short stream through', async () => {
    const lines = Array.from(
      { length: 2000 },
      (_, i) => `"2026-11-20 03:00:${i % 60}","10.${i % 256}.${(i * 7) % 256}.${(i * 13) % 256}",${i * 31}`,
    ).join('\n');
    const whole = gzipSync(Buffer.from(lines));
    const broken = whole.subarray(0, whole.length >> 1);
    await expect(bytesOf(gunzippedWhenGzip(Readable.from([broken])))).rejects.toThrow(/unexpected end of file/);
    expect(await bytesOf(gunzippedWhenGzip(Readable.from([Buffer.from('a')])))).toEqual(Buffer.from('a'));
    expect(await bytesOf(gunzippedWhenGzip(Readable.from([])))).toEqual(Buffer.alloc(0));
  });
});

describe('lines of a byte stream', () => {
  it('are the same whatever the chunks: UTF-8 or Latin-1 per line, CR LF, empty lines, no final newline, over-long lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            lineText.map((t) => Buffer.from(t)),
            fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a).filter((b) => b !== 10)),
          ),
          { maxLength: 30 },
        ),
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
    for await (const chunk of lineChunks(Readable.from([Buffer.from('a\nb\nc'), Buffer.from('d\ne\n')])))
      chunks.push(chunk.map((l) => l.text));
    expect(chunks).toEqual([
      ['a', 'b'],
      ['cd', 'e'],
    ]);
  });
});
