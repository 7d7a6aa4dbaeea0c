/**
 * Lines of a byte stream, read with back-pressure: the next chunk is pulled only when the lines
 * of the last one have been consumed, so a file of any size runs in the memory of one chunk and
 * one line. A line longer than `maxLineBytes` is not kept: it is reported as `tooLong` (with its
 * number) and skipped, so a corrupt file cannot exhaust memory.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface Line {
  number: number;
  text: string;
  tooLong?: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 when it is valid UTF-8, else Latin-1 (RIPE dumps and older feeds are). */
export function decodeLine(bytes: Buffer): string {
  try {
    return decoder.decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

export async function* lines(stream: AsyncIterable<Buffer | string>, maxLineBytes = 1024 * 1024): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let number = 0;
  const finish = (part: Buffer): Line => {
    number++;
    if (pendingBytes + part.length > maxLineBytes) tooLong = true;
    const bytes = pending.length === 0 ? part : Buffer.concat([...pending, part]);
    const result: Line = tooLong ? { number, text: '', tooLong: true } : { number, text: decodeLine(bytes).replace(/\r$/, '') };
    pending = [];
    pendingBytes = 0;
    tooLong = false;
    return result;
  };
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = buffer.indexOf(10, start); nl >= 0; nl = buffer.indexOf(10, start)) {
      yield finish(tooLong ? Buffer.alloc(0) : buffer.subarray(start, nl));
      start = nl + 1;
    }
    const rest = buffer.subarray(start);
    if (!tooLong && pendingBytes + rest.length > maxLineBytes) {
      tooLong = true;
      pending = [];
      pendingBytes = 0;
    }
    if (!tooLong && rest.length > 0) {
      pending.push(Buffer.from(rest));
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0 || tooLong) yield finish(Buffer.alloc(0));
}

/** A file as a byte stream, gunzipped when it is gzip (by its magic number, not its name). */
export async function openMaybeGzip(file: string): Promise<{ stream: Readable; size: number; bytesRead: () => number }> {
  const handle = await open(file, 'r');
  let magic: Buffer;
  let size: number;
  try {
    magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    size = (await handle.stat()).size;
  } finally {
    await handle.close();
  }
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) return { stream: raw, size, bytesRead: () => raw.bytesRead };
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return { stream: raw.pipe(gunzip), size, bytesRead: () => raw.bytesRead };
}
