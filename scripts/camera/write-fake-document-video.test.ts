import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureFakeDocumentVideo, FAKE_VIDEO } from './write-fake-document-video';

describe('fake document video (Y4M)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fake-camera-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = ensureFakeDocumentVideo(dir);
  const bytes = readFileSync(path);
  const { width, height, frames } = FAKE_VIDEO;
  const headerEnd = bytes.indexOf(0x0a) + 1;
  const frameSize = 'FRAME\n'.length + width * height * 1.5;

  it('is YUV4MPEG2 4:2:0 at 1280×720 with ~10 whole frames', () => {
    expect(bytes.subarray(0, headerEnd).toString('ascii')).toBe('YUV4MPEG2 W1280 H720 F10:1 Ip A1:1 C420\n');
    expect(bytes.length).toBe(headerEnd + frames * frameSize);
    for (let f = 0; f < frames; f += 1) {
      expect(bytes.subarray(headerEnd + f * frameSize, headerEnd + f * frameSize + 6).toString('ascii')).toBe(
        'FRAME\n',
      );
    }
  });

  it('shows a bright page in the middle of a darker desk', () => {
    const luma = (x: number, y: number) => bytes[headerEnd + 6 + y * width + x]!;
    expect(luma(600, 100)).toBeGreaterThan(200); // paper: the top margin, above the title bar
    expect(luma(40, 40)).toBeLessThan(140); // desk
  });

  it('is written once: a second call returns the same file untouched', () => {
    const before = statSync(path).mtimeMs;
    expect(ensureFakeDocumentVideo(dir)).toBe(path);
    expect(statSync(path).mtimeMs).toBe(before);
  });
});
