import { createCanvas, loadImage } from '@napi-rs/canvas';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryTransportPair } from '../../transport/memory-transport';
import { encodeReceipt } from '../encode-receipt';
import { sampleQueueTicket } from '../sample-receipts';
import { createPrinterEmulator } from './emulator';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'printer');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function emulatorWithHost(options: { outputDir?: string; paperWidthMm?: 58 | 80 } = {}) {
  const pair = createMemoryTransportPair();
  const emulator = createPrinterEmulator({
    transport: pair.device,
    paperWidthMm: options.paperWidthMm ?? 80,
    encoding: 'gb18030',
    outputDir: options.outputDir ?? null,
  });
  await emulator.start();
  await pair.host.open();
  return { pair, emulator };
}

async function pixels(png: Uint8Array) {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  return {
    width: image.width,
    height: image.height,
    dark: (x: number, y: number) => (data[(y * image.width + x) * 4] ?? 255) < 128,
  };
}

describe('printer emulator', () => {
  it('renders a Chinese receipt with a real QR symbol to PNG and writes txt + png files', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'printer-emu-'));
    dirs.push(parent);
    const outputDir = join(parent, 'emulated-printer');
    const { pair, emulator } = await emulatorWithHost({ outputDir });
    const data = 'https://zwfw.example.gov.cn/p/2025-0042';
    const next = emulator.nextReceipt();
    await pair.host.write(
      encodeReceipt(
        {
          id: 'r',
          blocks: [
            { kind: 'text', text: '受理回执' },
            { kind: 'qr', data, moduleSize: 6 },
            { kind: 'text', text: '扫码查询办件进度' },
          ],
        },
        { paperWidthMm: 80, encoding: 'gb18030' },
      ),
    );
    const receipt = await next;
    expect(receipt).toMatchObject({ index: 1, partial: false });
    expect(receipt.text).toBe(['受理回执', `[QR: ${data}]`, '扫码查询办件进度'].join('\n'));

    const image = await pixels(receipt.png);
    expect(image.width).toBe(576);
    const modules = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules;
    const qrTop = 30; // below one 30-dot text line
    const qrLeft = Math.floor((576 - modules.size * 6) / 2);
    let mismatches = 0;
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        if (image.dark(qrLeft + c * 6 + 3, qrTop + r * 6 + 3) !== Boolean(modules.get(r, c))) mismatches += 1;
      }
    }
    expect(mismatches).toBe(0);
    expect(image.dark(qrLeft - 20, qrTop + 20)).toBe(false); // white beside the symbol
    // Some glyph pixels exist in the first text line.
    let textDark = 0;
    for (let y = 0; y < 30; y++) for (let x = 0; x < 96; x++) if (image.dark(x, y)) textDark += 1;
    expect(textDark).toBeGreaterThan(50);

    expect(readFileSync(join(outputDir, 'receipt-0001.txt'), 'utf8')).toBe(`${receipt.text}\n`);
    expect(readFileSync(join(outputDir, 'receipt-0001.png')).subarray(1, 4).toString()).toBe('PNG');
    // What a resident took home is readable by the kiosk's user only.
    for (const file of ['receipt-0001.txt', 'receipt-0001.png']) {
      expect(statSync(join(outputDir, file)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(outputDir).mode & 0o777).toBe(0o700);
    await emulator.stop();
  });

  it('saves a queue ticket PNG for people to look at (test-artifacts/printer/)', async () => {
    const { pair, emulator } = await emulatorWithHost({ outputDir: ARTIFACTS });
    const next = emulator.nextReceipt();
    await pair.host.write(encodeReceipt(sampleQueueTicket(), { paperWidthMm: 80, encoding: 'gb18030' }));
    const receipt = await next;
    const image = await pixels(receipt.png);
    expect(image.width).toBe(576);
    expect(readFileSync(join(ARTIFACTS, `receipt-${String(receipt.index).padStart(4, '0')}.png`)).length).toBe(
      receipt.png.length,
    );
    await emulator.stop();
  });

  it('is 384 dots wide on 58 mm paper', async () => {
    const { pair, emulator } = await emulatorWithHost({ paperWidthMm: 58 });
    const next = emulator.nextReceipt();
    await pair.host.write(
      encodeReceipt({ id: 'n', blocks: [{ kind: 'text', text: '便民' }] }, { paperWidthMm: 58, encoding: 'gb18030' }),
    );
    expect((await pixels((await next).png)).width).toBe(384);
    await emulator.stop();
  });

  it('stops printing at paper end and still emits the partial receipt', async () => {
    const { pair, emulator } = await emulatorWithHost();
    emulator.runOutOfPaperAfter(2);
    const next = emulator.nextReceipt();
    const lines = Array.from({ length: 6 }, (_, i) => ({ kind: 'text' as const, text: `第${i + 1}行` }));
    await pair.host.write(encodeReceipt({ id: 'm', blocks: lines }, { paperWidthMm: 80, encoding: 'gb18030' }));
    const receipt = await next;
    expect(receipt.partial).toBe(true);
    expect(receipt.text).toBe('第1行\n第2行');
    const replies: number[] = [];
    pair.host.onData((chunk) => replies.push(...chunk));
    const replied = new Promise((resolve) => pair.host.onData(resolve));
    await pair.host.write(Uint8Array.of(0x10, 0x04, 0x04));
    await replied;
    expect(replies).toEqual([0x72]);
    await emulator.stop();
  });
});
