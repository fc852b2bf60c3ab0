import { describe, expect, it } from 'vitest';
import { createCaptureStaging } from './capture-staging';

const pdf = (size = 200) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size, 0x20), Buffer.from('\n%%EOF\n')]).toString('base64');

describe('capture staging', () => {
  it('stages a PDF with its hash and forgets it on discard', () => {
    const staging = createCaptureStaging();
    const staged = staging.stage({ materialName: '户口簿', pageCount: 2, pdfBase64: pdf() });
    expect(staged.ok).toBe(true);
    if (!staged.ok) return;
    expect(staged.value.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(staging.get(staged.value.captureId)?.pageCount).toBe(2);
    staging.discard(staged.value.captureId);
    expect(staging.get(staged.value.captureId)).toBeUndefined();
  });

  it('refuses what is not a PDF or not base64', () => {
    const staging = createCaptureStaging();
    const notPdf = Buffer.alloc(300, 0x41).toString('base64');
    expect(staging.stage({ materialName: 'x', pageCount: 1, pdfBase64: notPdf })).toMatchObject({
      ok: false,
      error: { code: 'invalidDocument' },
    });
    expect(staging.stage({ materialName: 'x', pageCount: 1, pdfBase64: `${pdf()}!!` })).toMatchObject({
      ok: false,
      error: { code: 'invalidDocument' },
    });
  });

  it('caps captures per session', () => {
    const staging = createCaptureStaging({ maxCaptures: 2, maxTotalBytes: 10_000 });
    staging.stage({ materialName: 'a', pageCount: 1, pdfBase64: pdf() });
    staging.stage({ materialName: 'b', pageCount: 1, pdfBase64: pdf() });
    expect(staging.stage({ materialName: 'c', pageCount: 1, pdfBase64: pdf() })).toMatchObject({
      ok: false,
      error: { code: 'tooManyCaptures' },
    });
    const big = createCaptureStaging({ maxCaptures: 5, maxTotalBytes: 300 });
    expect(big.stage({ materialName: 'a', pageCount: 1, pdfBase64: pdf(400) }).ok).toBe(false);
  });

  it('wipes the bytes at session end, so nothing of the resident stays in memory', () => {
    const staging = createCaptureStaging();
    const staged = staging.stage({ materialName: '身份证', pageCount: 1, pdfBase64: pdf() });
    if (!staged.ok) throw new Error('staging failed');
    const bytes = staged.value.pdf;
    staging.clear();
    expect(staging.count).toBe(0);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });
});
