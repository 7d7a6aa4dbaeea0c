/** PDFs for tests of readers of PDFs, made with pdfkit (not with the reader's own library). */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const DEJAVU = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** A multi-page PDF of the text, with a running footer on each page, made with pdfkit (not with the reader's library). */
export async function renderPdf(text: string, footer: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 60, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  // A word processor lays a tab out as space; pdfkit would draw it as a glyph.
  doc.font(DEJAVU).fontSize(10).text(text.replace(/\t/g, '    '), { lineGap: 2 });
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(i);
    doc.fontSize(8).text(`${footer} — Page ${i + 1} of ${pages.count}`, 60, 800, { lineBreak: false });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
