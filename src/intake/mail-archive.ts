/**
 * Mail archives for migration and benchmarks: an mbox file read as a stream (one message in
 * memory at a time; ">From " unquoted, mboxrd-style) and a Maildir (cur/ and new/).
 */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The "From " line that starts a message, as mbox writers put it: "From sender date". */
const SEPARATOR = /^From \S+/;

export interface ArchiveMessage {
  raw: Buffer;
  /** Where it was found: "mbox:<n>" or the Maildir file name. */
  where: string;
}

export async function* readMbox(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<ArchiveMessage> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let lines: Buffer[] = [];
  let carry = Buffer.alloc(0);
  let count = 0;
  let started = false;
  const flush = function* (): Generator<ArchiveMessage> {
    if (!started || lines.length === 0) return;
    let raw = Buffer.concat(lines);
    // The blank line before the next "From " belongs to the mbox, not to the message.
    if (raw.subarray(-2).toString() === '\n\n') raw = raw.subarray(0, -1);
    count++;
    yield { raw, where: `mbox:${count}` };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    let buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(0x0a, start);
      if (newline < 0) break;
      const line = buffer.subarray(start, newline + 1);
      start = newline + 1;
      const text = line.subarray(0, Math.min(line.length, 80)).toString('latin1');
      if (SEPARATOR.test(text)) {
        yield* flush();
        lines = [];
        started = true;
        continue;
      }
      if (!started) throw new Error(`${file} is not an mbox file: it does not start with a "From " line`);
      // mboxrd: ">From " (any number of ">") was quoted on writing; take one ">" off.
      lines.push(/^>+From /.test(text) ? line.subarray(1) : line);
    }
    carry = Buffer.from(buffer.subarray(start));
    buffer = Buffer.alloc(0);
  }
  if (carry.length > 0) {
    if (!started) throw new Error(`${file} is not an mbox file: it does not start with a "From " line`);
    lines.push(carry);
  }
  yield* flush();
}

export function maildirFiles(dir: string): string[] {
  const subdirs = ['cur', 'new']
    .map((s) => join(dir, s))
    .filter((d) => {
      try {
        return statSync(d).isDirectory();
      } catch {
        return false;
      }
    });
  if (subdirs.length === 0) throw new Error(`${dir} is not a Maildir: it has no cur/ or new/ folder`);
  return subdirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => !f.startsWith('.'))
      .sort()
      .map((f) => join(d, f)),
  );
}

export function* readMaildir(dir: string): Generator<ArchiveMessage> {
  for (const file of maildirFiles(dir)) yield { raw: readFileSync(file), where: file };
}
