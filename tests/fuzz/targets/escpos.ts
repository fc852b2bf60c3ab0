import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { err, ok } from '../../../core/pure/result';
import * as commands from '../../../drivers/printer/commands';
import { encodeReceipt } from '../../../drivers/printer/encode-receipt';
import { createEscPosInterpreter, type PrinterRequest } from '../../../drivers/printer/emulator/interpreter';
import { CELL_WIDTH_DOTS, glyphDots, type PaperRow } from '../../../drivers/printer/emulator/paper';
import { layoutReceipt, type ReceiptFormat } from '../../../drivers/printer/layout';
import type { ReceiptBlock, ReceiptDocument } from '../../../drivers/printer/receipt-document';
import { createReplyReader } from '../../../drivers/printer/reply-reader';
import { sampleQueueTicket } from '../../../drivers/printer/sample-receipts';
import {
  blockingCode,
  canPrint,
  decodeStatus,
  isIdentityReply,
  isStatusReply,
  toDeviceCondition,
  XOFF,
  XON,
} from '../../../drivers/printer/status';
import { charsText, paperColumns } from '../../../drivers/printer/text';
import type { ByteTransport } from '../../../drivers/transport/byte-transport';
import { bulkBytes, chunked, concat, cuts, damaged } from '../bytes';
import { asyncProperty, check, syncProperty, type FuzzTarget } from '../target';

/**
 * The receipt printer, drivers/printer: DLE EOT status replies, the one-byte reply reader on the
 * shared return channel (XON/XOFF, stale bytes, garbage), and the emulator's ESC/POS interpreter,
 * which parses every byte the driver sends in `npm start` and the tests. Receipts built from any
 * text a resident or the platform supplies must encode, and read back as the layout planned.
 */

const statusBytes = syncProperty(
  'status-replies',
  fc.tuple(fc.nat({ max: 255 }), fc.nat({ max: 255 }), fc.nat({ max: 255 }), fc.nat({ max: 255 })),
  ([n1, n2, n3, n4]) => {
    for (const byte of [n1, n2, n3, n4]) {
      if (isStatusReply(byte)) {
        check(byte !== XON && byte !== XOFF, `XON/XOFF 0x${byte.toString(16)} taken for a status reply`);
        check(!isIdentityReply(byte), `0x${byte.toString(16)} is both a status and an identity reply`);
      }
    }
    const condition = decodeStatus({ 1: n1, 2: n2, 3: n3, 4: n4 });
    const device = toDeviceCondition(condition);
    check(canPrint(condition) === (device.state === 'online'), 'canPrint and the device state disagree');
    check((device.code === 'ok') === (device.state === 'online'), 'an online printer with a problem code');
    check(device.detail.length > 0, 'a condition without words');
    blockingCode(condition);
  },
);

/** The driver's end of a link whose far end the property scripts. */
function scriptedTransport(onWrite: () => { fail: boolean; then: Uint8Array[] }) {
  const listeners = new Set<(chunk: Uint8Array) => void>();
  const deliver = (chunk: Uint8Array) => listeners.forEach((l) => l(chunk));
  const transport: ByteTransport = {
    description: 'scripted',
    isOpen: true,
    open: () => Promise.resolve(ok(undefined)),
    write() {
      const answer = onWrite();
      if (answer.fail) return Promise.resolve(err({ code: 'ioError', message: 'scripted write failure' }));
      setImmediate(() => answer.then.forEach(deliver));
      return Promise.resolve(ok(undefined));
    },
    onData(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onClose: () => () => undefined,
    close: () => Promise.resolve(),
  };
  return { transport, deliver };
}

const replyBytes = fc.oneof(fc.nat({ max: 255 }), fc.constantFrom(XON, XOFF, 0x12, 0x16, 0x1e, 0x72, 0x00, 0xff));
const replyReader = asyncProperty(
  'reply-reader',
  fc.record({
    stale: fc.array(replyBytes, { maxLength: 6 }),
    reply: fc.array(replyBytes, { maxLength: 10 }),
    at: cuts,
    failWrite: fc.nat({ max: 9 }).map((n) => n === 0),
  }),
  async ({ stale, reply, at, failWrite }) => {
    const bytes = Uint8Array.from(reply);
    const link = scriptedTransport(() => ({ fail: failWrite, then: chunked(bytes, at) }));
    const reader = createReplyReader(link.transport);
    try {
      link.deliver(Uint8Array.from(stale)); // nobody asked: dropped
      const answer = await reader.request(commands.statusRequest(1), isStatusReply, 20);
      if (failWrite) {
        check(!answer.ok && answer.error.kind === 'writeFailed', 'a failed write must say so');
        return;
      }
      const expected = reply.find((b) => b !== XON && b !== XOFF && isStatusReply(b));
      if (expected !== undefined) {
        check(answer.ok && answer.value === expected, `expected reply 0x${expected.toString(16)}`);
      } else {
        const garbled = reply.some((b) => b !== XON && b !== XOFF);
        check(!answer.ok && answer.error.kind === 'timeout', 'an answer out of nothing');
        check(answer.error.garbled === garbled, `garbled should be ${garbled}`);
      }
    } finally {
      reader.dispose();
    }
  },
  { timeoutMs: 2_000 },
);

/* The interpreter: whatever arrives, however it is chunked, the paper is the same. */

const formats: readonly ReceiptFormat[] = [
  { paperWidthMm: 80, encoding: 'gb18030' },
  { paperWidthMm: 58, encoding: 'gb18030' },
  { paperWidthMm: 80, encoding: 'gbk' },
];
const format = fc.constantFrom(...formats);

const param = fc.nat({ max: 255 });
/** Commands with their parameters, the way a driver (or a confused one) sends them. */
const command: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.tuple(fc.constantFrom(0x1b, 0x1d, 0x1c, 0x10), param, param, param, param).map((b) => Uint8Array.from(b)),
  fc
    .tuple(
      fc.constantFrom(0x61, 0x45, 0x21, 0x64, 0x4a, 0x33, 0x63, 0x70, 0x2a, 0x40, 0x76),
      fc.array(param, { maxLength: 6 }),
    )
    .map(([sub, rest]) => Uint8Array.of(0x1b, sub, ...rest)),
  fc
    .tuple(
      fc.constantFrom(0x28, 0x6b, 0x76, 0x21, 0x56, 0x68, 0x77, 0x48, 0x49, 0x72, 0x4c),
      fc.array(param, { maxLength: 8 }),
    )
    .map(([sub, rest]) => Uint8Array.of(0x1d, sub, ...rest)),
  fc.string({ maxLength: 20 }).map((s) => commands.qrCode(s || 'x', 4)),
  // GS k m d… NUL (function A): data of any length, terminated or not.
  fc
    .tuple(fc.nat({ max: 6 }), bulkBytes(0, 300), fc.boolean())
    .map(([m, data, terminated]) =>
      concat([
        Uint8Array.of(0x1d, 0x6b, m),
        data.map((b) => b || 1),
        terminated ? Uint8Array.of(0) : new Uint8Array(0),
      ]),
    ),
  fc.constantFrom(commands.feedAndPartialCut(0), commands.initialize(), commands.chineseModeOff(), commands.lineFeed()),
  fc.uint8Array({ maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => new TextEncoder().encode(s)),
);
const sampleJobs = formats.map((f) => encodeReceipt(sampleQueueTicket(), f));
const printJob = fc.oneof(fc.array(command, { maxLength: 12 }).map(concat), damaged(fc.constantFrom(...sampleJobs)));

function interpret(
  job: readonly Uint8Array[],
  paperDots: number,
  encoding: ReceiptFormat['encoding'],
  paperRows = Number.POSITIVE_INFINITY,
) {
  const log: unknown[] = [];
  let printed = 0;
  const interpreter = createEscPosInterpreter({
    paperDots,
    encoding,
    hooks: {
      request: (request: PrinterRequest) => log.push({ request }),
      canPrint: () => printed < paperRows,
      rowPrinted: () => void (printed += 1),
      cut: (rows: readonly PaperRow[], partial: boolean) => log.push({ cut: rows, partial }),
    },
  });
  for (const chunk of job) interpreter.feed(chunk);
  log.push({ rows: interpreter.rows, modes: interpreter.modes });
  return log;
}

const interpreterChunking = syncProperty(
  'interpreter-chunking',
  fc.record({ job: printJob, at: cuts, format }),
  ({ job, at, format: { paperWidthMm, encoding } }) => {
    const paperDots = paperColumns(paperWidthMm) * CELL_WIDTH_DOTS;
    // Paper runs out after some rows, so lost rows and partial cuts are exercised too.
    const whole = interpret([job], paperDots, encoding, 400);
    const pieces = interpret(chunked(job, at), paperDots, encoding, 400);
    check(isDeepStrictEqual(whole, pieces), 'the same bytes printed differently when split into chunks');
  },
  { weight: 3 },
);

/* Receipts from any text: encodable, and the paper shows the layout's lines. */

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.constantFrom('¥100', '张三\n李四', '\u001b@\u001dV\u0000', 'a\tb', '€', '😀👍', '\ud800x', 'x'.repeat(400)),
);
const block: fc.Arbitrary<ReceiptBlock> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('text' as const),
      text: anyText,
      align: fc.constantFrom<'left' | 'center' | 'right'>('left', 'center', 'right'),
      bold: fc.boolean(),
      size: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
    },
    { requiredKeys: ['kind', 'text'] },
  ),
  fc.record({ kind: fc.constant('pair' as const), label: anyText, value: anyText, bold: fc.boolean() }),
  fc.constant({ kind: 'divider' as const }),
  fc.record(
    {
      kind: fc.constant('qr' as const),
      data: fc.oneof(anyText, fc.string({ minLength: 2300, maxLength: 2400 })),
      moduleSize: fc.integer({ min: -3, max: 20 }),
      caption: anyText,
    },
    { requiredKeys: ['kind', 'data'] },
  ),
  fc.record(
    {
      kind: fc.constant('barcode128' as const),
      data: fc.oneof(anyText, fc.stringMatching(/^[0-9]{0,60}$/), fc.stringMatching(/^[A-Za-z0-9{}-]{0,80}$/)),
      height: fc.integer({ min: -10, max: 400 }),
    },
    { requiredKeys: ['kind', 'data'] },
  ),
  fc.record({ kind: fc.constant('feed' as const), lines: fc.integer({ min: -5, max: 300 }) }),
);
const documentArb: fc.Arbitrary<ReceiptDocument> = fc.record({
  id: fc.string({ maxLength: 20 }),
  blocks: fc.array(block, { maxLength: 8 }),
});

const receipts = syncProperty(
  'receipt-from-any-text',
  fc.record({ document: documentArb, format }),
  ({ document, format: receiptFormat }) => {
    const bytes = encodeReceipt(document, receiptFormat);
    const layout = layoutReceipt(document, receiptFormat);
    const paperDots = paperColumns(receiptFormat.paperWidthMm) * CELL_WIDTH_DOTS;
    const log = interpret([bytes], paperDots, receiptFormat.encoding);
    const cuts = log.filter(
      (entry): entry is { cut: PaperRow[] } => typeof entry === 'object' && entry !== null && 'cut' in entry,
    );
    check(cuts.length === 1, `a receipt is cut once, got ${cuts.length} cuts`);
    const rows = cuts[0]!.cut;
    const textRows = rows.filter((row) => row.kind === 'text' && row.glyphs.length > 0);
    const textLines = layout.filter((line) => line.kind === 'text' && line.chars.length > 0);
    for (const row of textRows) {
      if (row.kind !== 'text') continue;
      const width = row.glyphs.reduce((sum, glyph) => sum + glyphDots(glyph), 0);
      check(width <= paperDots, `a printed line is ${width} dots on ${paperDots}-dot paper`);
    }
    check(
      textRows.length === textLines.length,
      `the layout planned ${textLines.length} text lines, the paper shows ${textRows.length}`,
    );
    textLines.forEach((line, i) => {
      const row = textRows[i];
      if (line.kind !== 'text' || row?.kind !== 'text') return;
      const printed = row.glyphs.map((g) => g.char).join('');
      check(printed === charsText(line.chars), `line ${i} reads back as ${JSON.stringify(printed)}`);
    });
    const qrs = layout.filter((line) => line.kind === 'qr').length;
    check(rows.filter((row) => row.kind === 'qr').length === qrs, 'a QR code went missing');
    const barcodes = layout.filter((line) => line.kind === 'barcode128').length;
    check(rows.filter((row) => row.kind === 'barcode').length === barcodes, 'a barcode went missing');
  },
  { weight: 2 },
);

export const escposTarget: FuzzTarget = {
  name: 'escpos',
  setup: () =>
    Promise.resolve({
      properties: [statusBytes, replyReader, interpreterChunking, receipts],
      teardown: () => Promise.resolve(),
    }),
};
