/**
 * A minimal multi-page PDF 1.4 writer (ISO 32000-1 §7.5: header, body, cross-reference table,
 * trailer): one A4 page per JPEG, each page drawing one image XObject that carries the JPEG bytes
 * unchanged with /DCTDecode, so no re-encoding and no PDF library (pdf-lib would add ~500 kB).
 */

export interface JpegPage {
  readonly jpeg: Uint8Array;
  /** Pixel size of the JPEG. */
  readonly width: number;
  readonly height: number;
}

/** A4 in PDF points (1/72 inch): 210 × 297 mm. */
const A4_WIDTH_PT = 595.28;
const A4_HEIGHT_PT = 841.89;

export function buildPdf(pages: readonly JpegPage[]): Uint8Array {
  if (pages.length === 0) throw new Error('buildPdf: a PDF needs at least one page');
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const offsets: number[] = [];
  const write = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, body: string) => {
    offsets[id] = length;
    write(`${id} 0 obj\n${body}\nendobj\n`);
  };

  // The second line's bytes ≥ 128 tell transfer tools the file is binary (§7.5.2).
  write('%PDF-1.4\n%');
  write(new Uint8Array([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));

  // Objects: 1 catalog, 2 page tree, then per page n: 3+3n page, 4+3n content, 5+3n image.
  const pageIds = pages.map((_, n) => 3 + 3 * n);
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  pages.forEach((page, n) => {
    const [pageId, contentId, imageId] = [3 + 3 * n, 4 + 3 * n, 5 + 3 * n];
    const landscape = page.width > page.height;
    const w = landscape ? A4_HEIGHT_PT : A4_WIDTH_PT;
    const h = landscape ? A4_WIDTH_PT : A4_HEIGHT_PT;
    object(
      pageId,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] ` +
        `/Resources << /XObject << /Im0 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    // The image already has A4 proportions: scale the unit square to the whole page.
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    object(contentId, `<< /Length ${encoder.encode(content).length} >>\nstream\n${content}\nendstream`);
    offsets[imageId] = length;
    write(
      `${imageId} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} ` +
        `/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${page.jpeg.length} >>\nstream\n`,
    );
    write(page.jpeg);
    write('\nendstream\nendobj\n');
  });

  const size = 3 + 3 * pages.length;
  const xrefOffset = length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, then " \n".
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let id = 1; id < size; id += 1) xref += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  write(xref);
  write(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`);

  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** For 'capture.stage': the PDF as base64, in slices so a 20 MB file does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}
