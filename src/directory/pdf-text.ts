/**
 * The text of a PDF, for RFC 2350 documents, which most teams publish as PDF. unpdf (pdf.js built
 * for servers) gives each page's text runs with their positions; lines are rebuilt from them, and a
 * gap wider than the usual line spacing is a paragraph break again (the section reader needs them:
 * "CERT X (CX)" and "Hosted by …" are two paragraphs, not one name). Pages are joined with a form
 * feed so that running headers and footers can be dropped. Bounded: a team profile is a few pages.
 */
import { getDocumentProxy } from 'unpdf';
import { ValidationError } from '../core/errors.js';

export const MAX_PDF_BYTES = 10 * 1024 * 1024;
const MAX_PAGES = 60;

export const isPdf = (bytes: Buffer): boolean => bytes.subarray(0, 1024).includes('%PDF-');

export async function pdfText(bytes: Buffer, source?: string): Promise<string> {
  const fail = (reason: string) => new ValidationError([{ field: '(document)', reason }], source);
  if (bytes.length > MAX_PDF_BYTES) throw fail(`a PDF larger than ${MAX_PDF_BYTES / 1024 / 1024} MiB; an RFC 2350 document is a few pages`);
  let pages: string[];
  try {
    // verbosity 0: errors only; pdf.js would print its warnings on the CLI's stderr, which carries one line.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    if (pdf.numPages > MAX_PAGES) throw fail(`a PDF of ${pdf.numPages} pages; an RFC 2350 document is a few pages`);
    pages = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(pageText(await (await pdf.getPage(n)).getTextContent()));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw fail(`the PDF could not be read: ${(error as Error).message.slice(0, 200)}`);
  }
  // A URL too long for its line is broken after a slash, hyphen or underscore, and goes on in
  // lower case: join it again (a sentence after a URL starts with a capital).
  // After a slash, a file name in any case ("RFC2350.pdf") goes on the URL too.
  const text = pages
    .join('\n\f\n')
    .replace(/(https?:\/\/\S*[/_\-=?&])[ \t]*\n[ \t]*(?=[a-z0-9%_])/g, '$1')
    .replace(/(https?:\/\/\S*\/)[ \t]*\n[ \t]*(?=[\w%-]+[._][\w%-])/g, '$1');
  if (text.replace(/\s/g, '').length < 200)
    throw fail('the PDF has no text layer (a scanned image?): give the text of the document instead');
  return text;
}

interface Run {
  str?: string;
  transform?: number[];
  hasEOL?: boolean;
}

/** Lines from text runs (top to bottom as drawn), with a blank line where the spacing says a paragraph ends. */
function pageText(content: { items: readonly object[] }): string {
  const lines: Array<{ y: number; text: string }> = [];
  let current: { y: number; text: string } | undefined;
  for (const run of content.items) {
    // Marked-content entries carry no text.
    if (!('str' in run)) continue;
    const item = run as Run;
    const y = item.transform?.[5] ?? current?.y ?? 0;
    if (!current || Math.abs(current.y - y) > 1) {
      if (current) lines.push(current);
      current = { y, text: '' };
    }
    current.text += item.str;
    if (item.hasEOL) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  const gaps = lines
    .slice(1)
    .map((line, i) => lines[i]!.y - line.y)
    .filter((gap) => gap > 0);
  // The line spacing is the smallest gap that recurs; a paragraph break is wider (a document of
  // one-line paragraphs has more of those than of line breaks, so a median would not do).
  const rounded = gaps.map((gap) => Math.round(gap * 2) / 2).sort((a, b) => a - b);
  const usual = rounded.find((gap, i) => gap >= 1 && rounded[i + 1] === gap) ?? rounded[0] ?? 0;
  return lines
    .map((line, i) => {
      const gap = i > 0 ? lines[i - 1]!.y - line.y : 0;
      return (usual > 0 && gap > usual * 1.5 ? '\n' : '') + line.text.trimEnd();
    })
    .join('\n');
}
