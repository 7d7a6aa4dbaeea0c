/**
 * One CSV record per line (RFC 4180 quoting, "" for a quote inside a quoted field, or \" where
 * the line only parses that way). Feeds are read
 * line by line, not with a streaming CSV parser, because a stream parser that meets an unclosed
 * quote reads on to the end of the file (csv-parse does, then stops): one broken row would lose
 * every row after it. Here a broken row is reported with its line number and the next line is
 * read as usual. Feed providers do not put line breaks inside fields.
 */
export type CsvLine = { ok: true; fields: string[] } | { ok: false; reason: string };

export function splitCsvLine(line: string, delimiter = ','): CsvLine {
  const strict = splitStrict(line, delimiter, false);
  // Shadowserver escapes a quote inside a quoted field with a backslash (\"): tried only when the
  // line is no RFC 4180 record, so a field that really ends in a backslash still reads as written.
  if (!strict.ok && line.includes('\\"')) {
    const lenient = splitStrict(line, delimiter, true);
    if (lenient.ok) return lenient;
  }
  return strict;
}

function splitStrict(line: string, delimiter: string, backslashEscapes: boolean): CsvLine {
  const fields: string[] = [];
  const d = delimiter.charCodeAt(0);
  let i = 0;
  const n = line.length;
  for (;;) {
    if (i < n && line.charCodeAt(i) === 34) {
      let value = '';
      let start = ++i;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) return { ok: false, reason: 'a quoted field is not closed' };
        if (backslashEscapes && line.charCodeAt(quote - 1) === 92) {
          value += line.slice(start, quote - 1) + '"';
          i = start = quote + 1;
          continue;
        }
        if (line.charCodeAt(quote + 1) === 34) {
          value += line.slice(start, quote + 1);
          i = start = quote + 2;
          continue;
        }
        value += line.slice(start, quote);
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === n) return { ok: true, fields };
      if (line.charCodeAt(i) !== d) return { ok: false, reason: `text after a closing quote in field ${fields.length}` };
      i++;
    } else {
      const next = line.indexOf(delimiter, i);
      const end = next < 0 ? n : next;
      const value = line.slice(i, end);
      if (value.includes('"')) return { ok: false, reason: `a stray quote in field ${fields.length + 1}` };
      fields.push(value);
      if (next < 0) return { ok: true, fields };
      i = next + 1;
    }
  }
}

/**
 * An event's raw row as one JSON object: a CSV line by the header of its run (empty fields left
 * out), or a JSON line as it came.
 */
export function rawAsJson(raw: string, columns: readonly string[] | null): string {
  if (!columns) return raw;
  const split = splitCsvLine(raw);
  if (!split.ok) return JSON.stringify({ line: raw });
  const object: Record<string, string> = {};
  split.fields.forEach((value, i) => {
    if (value !== '') object[columns[i] ?? `field${i + 1}`] = value;
  });
  return JSON.stringify(object);
}
