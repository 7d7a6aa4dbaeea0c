/**
 * RPSL objects (RFC 2622 as the RIPE database writes them) from a stream of lines: objects are
 * separated by blank lines; `%` and `#` lines are comments; an attribute is `name: value`; a line
 * starting with white space or `+` continues the previous attribute (`+` alone is an empty line);
 * `#` starts an end-of-line comment. Garbage is reported with its line number, never thrown.
 */
import type { Line } from '../core/lines.js';

export interface RpslObject {
  /** The first attribute's name: inetnum, inet6num, aut-num, irt, role, organisation, … */
  type: string;
  /** The line the object starts on. */
  line: number;
  attributes: Array<[name: string, value: string]>;
}

export interface RpslProblem {
  line: number;
  reason: string;
}

/** At most this many attributes per object: a larger one is garbage, dropped with a problem. */
const MAX_ATTRIBUTES = 5000;
const ATTRIBUTE = /^([A-Za-z0-9][A-Za-z0-9_-]*):(.*)$/;

function stripComment(value: string): string {
  const hash = value.indexOf('#');
  return (hash >= 0 ? value.slice(0, hash) : value).trim();
}

export async function* rpslObjects(source: AsyncIterable<Line>, onProblem: (problem: RpslProblem) => void): AsyncGenerator<RpslObject> {
  let current: RpslObject | undefined;
  let broken = false;
  const close = (): RpslObject | undefined => {
    const done = broken ? undefined : current;
    current = undefined;
    broken = false;
    return done;
  };
  for await (const line of source) {
    if (line.tooLong) {
      onProblem({ line: line.number, reason: 'line too long; its object is skipped' });
      broken = true;
      continue;
    }
    const text = line.text;
    if (text.trim() === '') {
      const done = close();
      if (done) yield done;
      continue;
    }
    if (text.startsWith('%') || text.startsWith('#')) continue;
    const first = text.charCodeAt(0);
    if (first === 32 || first === 9 || first === 43 /* + */) {
      const last = current?.attributes[current.attributes.length - 1];
      if (!last) {
        onProblem({ line: line.number, reason: 'a continuation line with no attribute before it' });
        broken = true;
        continue;
      }
      const more = first === 43 ? stripComment(text.slice(1)) : stripComment(text);
      last[1] = more ? (last[1] ? `${last[1]} ${more}` : more) : last[1];
      continue;
    }
    const match = ATTRIBUTE.exec(text);
    if (!match) {
      onProblem({ line: line.number, reason: `not an RPSL attribute: "${text.slice(0, 60)}"` });
      broken = true;
      continue;
    }
    const name = match[1]!.toLowerCase();
    if (!current) current = { type: name, line: line.number, attributes: [] };
    if (current.attributes.length >= MAX_ATTRIBUTES) {
      if (!broken) onProblem({ line: current.line, reason: `object has more than ${MAX_ATTRIBUTES} attributes; skipped` });
      broken = true;
      continue;
    }
    current.attributes.push([name, stripComment(match[2]!)]);
  }
  const done = close();
  if (done) yield done;
}

export function first(object: RpslObject, name: string): string | undefined {
  return object.attributes.find(([n]) => n === name)?.[1] || undefined;
}

export function all(object: RpslObject, name: string): string[] {
  return object.attributes.filter(([n, v]) => n === name && v !== '').map(([, v]) => v);
}
