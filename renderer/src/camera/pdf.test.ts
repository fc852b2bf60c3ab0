import { describe, expect, it } from 'vitest';
import { buildPdf, toBase64 } from './pdf';

/** Not a decodable JPEG, but the writer copies bytes verbatim, so structure tests need no more. */
const fakeJpeg = (size: number, fill: number) =>
  Uint8Array.from({ length: size }, (_, i) => (i < 2 ? [0xff, 0xd8][i]! : fill));

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

function parse(bytes: Uint8Array) {
  const text = latin1(bytes);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  const table = /^xref\n0 (\d+)\n((?:\d{10} \d{5} [nf] \n)+)trailer\n<< \/Size (\d+) \/Root 1 0 R >>/.exec(
    text.slice(startxref),
  );
  if (!table) throw new Error('no xref table at startxref');
  const entries = table[2]!.match(/.{20}/gs) ?? [];
  return { text, count: Number(table[1]), size: Number(table[3]), entries };
}

describe('PDF writer', () => {
  const pages = [
    { jpeg: fakeJpeg(1000, 0x11), width: 1240, height: 1754 },
    { jpeg: fakeJpeg(2000, 0x22), width: 1754, height: 1240 },
    { jpeg: fakeJpeg(10, 0x33), width: 620, height: 877 },
  ];
  const pdf = buildPdf(pages);
  const parsed = parse(pdf);

  it('starts with a PDF 1.4 header and a binary marker line', () => {
    expect(parsed.text.startsWith('%PDF-1.4\n%')).toBe(true);
    expect(pdf.slice(10, 14).every((b) => b >= 128)).toBe(true);
  });

  it('has an xref entry of 20 bytes per object, each pointing exactly at "<id> 0 obj"', () => {
    expect(parsed.count).toBe(3 + 3 * pages.length);
    expect(parsed.size).toBe(parsed.count);
    expect(parsed.entries[0]).toBe('0000000000 65535 f \n');
    for (let id = 1; id < parsed.count; id += 1) {
      const entry = parsed.entries[id]!;
      expect(entry).toMatch(/^\d{10} 00000 n \n$/);
      const offset = Number(entry.slice(0, 10));
      expect(parsed.text.slice(offset, offset + `${id} 0 obj`.length)).toBe(`${id} 0 obj`);
    }
  });

  it('declares one A4 page per JPEG, landscape when the image is wider than tall', () => {
    expect(parsed.text).toContain('/Count 3');
    expect(parsed.text.match(/\/Type \/Page /g)).toHaveLength(3);
    const boxes = [...parsed.text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [m[1], m[2]]);
    expect(boxes).toEqual([
      ['595.28', '841.89'],
      ['841.89', '595.28'],
      ['595.28', '841.89'],
    ]);
  });

  it('embeds each JPEG verbatim as a DCTDecode image with the right /Length', () => {
    for (const page of pages) {
      const header = `/Width ${page.width} /Height ${page.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${page.jpeg.length} >>\nstream\n`;
      const at = parsed.text.indexOf(header);
      expect(at).toBeGreaterThan(0);
      const start = at + header.length;
      expect(parsed.text.slice(start, start + page.jpeg.length)).toBe(latin1(page.jpeg));
      expect(parsed.text.slice(start + page.jpeg.length, start + page.jpeg.length + 10)).toBe('\nendstream');
    }
  });

  it('refuses an empty document (a bug in the caller)', () => {
    expect(() => buildPdf([])).toThrow();
  });

  it('base64-encodes large files without overflowing the stack', () => {
    const big = new Uint8Array(300_000).map((_, i) => i % 256);
    const encoded = toBase64(big);
    expect(atob(encoded).length).toBe(big.length);
    expect(atob(encoded).charCodeAt(299_999)).toBe(299_999 % 256);
  });
});
