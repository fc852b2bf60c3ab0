import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../../core/pure/result';
import type { ByteTransport, TransportError } from '../../transport/byte-transport';
import { createListeners } from '../../transport/listeners';
import { paperColumns, type PaperWidthMm, type PrinterEncoding } from '../text';
import { createEscPosInterpreter, type InterpreterModes, type PrinterRequest } from './interpreter';
import { CELL_WIDTH_DOTS, paperText, type PaperRow } from './paper';
import { renderPaperPng } from './render-png';

export type PaperState = 'ok' | 'nearEnd' | 'out';
export type EmulatedError = 'cutter' | 'unrecoverable' | 'recoverable';

/** One cut-off piece of paper. */
export interface EmulatedReceipt {
  /** 1, 2, 3 … in the order they were cut. */
  readonly index: number;
  /** What the paper shows, see `paperText`. */
  readonly text: string;
  readonly png: Uint8Array;
  /** Bytes received for this job (since the previous cut). */
  readonly bytes: number;
  /** The paper ran out (or the cover opened) part-way: rows are missing. */
  readonly partial: boolean;
  readonly rows: readonly PaperRow[];
}

export interface PrinterEmulatorOptions {
  /** The emulator's end of the link (a PTY end opened with the serial transport, a memory end …). */
  readonly transport: ByteTransport;
  readonly paperWidthMm: PaperWidthMm;
  /** 'gbk' emulates a GBK-only printer: GB18030 four-byte codes come out as garbage. */
  readonly encoding: PrinterEncoding;
  /** Writes receipt-0001.txt / .png per cut when set. */
  readonly outputDir?: string | null;
  /** Processes bytes no faster than this line speed (8N1: 10 bits a byte), as a real port would. */
  readonly baudRate?: number;
  /** GS I 1/2/3 answers (⚠ unverified command, see commands.ts); null = does not answer. */
  readonly identity?: { readonly modelId: number; readonly typeId: number; readonly firmwareId: number } | null;
}

export interface PrinterEmulator {
  /** Opens the transport. */
  start(): Promise<Result<void, TransportError>>;
  stop(): Promise<void>;
  onReceipt(listener: (receipt: EmulatedReceipt) => void): () => void;
  /** Resolves with the next receipt cut. */
  nextReceipt(): Promise<EmulatedReceipt>;
  setPaper(state: PaperState): void;
  setCover(state: 'open' | 'closed'): void;
  /** No replies at all (a printer that lost power on its logic board, a wrong baud rate …). */
  setSilent(on: boolean): void;
  /** Replies that break the DLE EOT pattern (line noise, a wrong baud rate). */
  setGarbage(on: boolean): void;
  setError(error: EmulatedError | null): void;
  /** After this many more rows the roll ends: printing stops, DLE EOT reports paper end. */
  runOutOfPaperAfter(rows: number): void;
  readonly receipts: readonly EmulatedReceipt[];
  /** Every byte received since start, status requests included. */
  readonly bytesReceived: number;
  readonly modes: InterpreterModes;
}

const DEFAULT_IDENTITY = { modelId: 0x20, typeId: 0x02, firmwareId: 0x01 };

/**
 * A receipt printer at the far end of a link: interprets ESC/POS, answers status the way the
 * mechanism is, and turns each cut into text and a PNG. Known simplification: bytes are printed
 * the moment they are processed (no receive buffer), so a DLE EOT sent after a job always sees
 * the job's effect — a real printer may still be printing then.
 */
export function createPrinterEmulator(options: PrinterEmulatorOptions): PrinterEmulator {
  const { transport } = options;
  const paperDots = paperColumns(options.paperWidthMm) * CELL_WIDTH_DOTS;
  const identity = options.identity === undefined ? DEFAULT_IDENTITY : options.identity;
  const receiptListeners = createListeners<EmulatedReceipt>();
  const receipts: EmulatedReceipt[] = [];

  let paper: PaperState = 'ok';
  let coverOpen = false;
  let silent = false;
  let garbage = false;
  let error: EmulatedError | null = null;
  let rowsLeft: number | null = null;
  let bytesReceived = 0;
  let jobBytes = 0;

  const statusByte = (n: number): number => {
    const offline = coverOpen || paper === 'out' || error !== null;
    switch (n) {
      case 1:
        return 0x12 | (offline ? 0x08 : 0);
      case 2:
        return 0x12 | (coverOpen ? 0x04 : 0) | (paper === 'out' ? 0x20 : 0) | (error ? 0x40 : 0);
      case 3:
        return (
          0x12 |
          (error === 'recoverable' ? 0x04 : 0) |
          (error === 'cutter' ? 0x08 : 0) |
          (error === 'unrecoverable' ? 0x20 : 0)
        );
      default:
        return 0x12 | (paper === 'nearEnd' ? 0x0c : 0) | (paper === 'out' ? 0x60 : 0);
    }
  };

  const reply = (byte: number) => {
    if (silent) return;
    void transport.write(Uint8Array.of(garbage ? 0x81 : byte));
  };

  const answer = (request: PrinterRequest) => {
    switch (request.kind) {
      case 'realTimeStatus':
        if (request.n >= 1 && request.n <= 4) reply(statusByte(request.n));
        return;
      case 'identity': {
        if (!identity) return;
        const value = [identity.modelId, identity.typeId, identity.firmwareId][(request.n % 48) - 1];
        if (value !== undefined) reply(value);
        return;
      }
      case 'paperSensor':
      case 'paperStatus':
        // GS r 1 / ESC v: bits 0-1 near end, bits 2-3 paper end (§2).
        reply((paper === 'nearEnd' ? 0x03 : 0) | (paper === 'out' ? 0x0c : 0));
        return;
    }
  };

  const interpreter = createEscPosInterpreter({
    paperDots,
    encoding: options.encoding,
    hooks: {
      request: answer,
      canPrint: () => paper !== 'out' && !coverOpen && error === null,
      rowPrinted: () => {
        if (rowsLeft === null) return;
        rowsLeft -= 1;
        if (rowsLeft <= 0) {
          rowsLeft = null;
          paper = 'out';
        }
      },
      cut: (rows, partial) => {
        const bytes = jobBytes;
        jobBytes = 0;
        if (rows.length === 0) return; // nothing reached the paper
        emit({
          index: receipts.length + 1,
          text: paperText(rows, paperDots),
          png: renderPaperPng(rows, paperDots),
          bytes,
          partial,
          rows,
        });
      },
    },
  });

  function emit(receipt: EmulatedReceipt) {
    receipts.push(receipt);
    if (options.outputDir) {
      // Owner-only: a receipt is what a resident took home (the kiosk's data folder rules).
      mkdirSync(options.outputDir, { recursive: true, mode: 0o700 });
      const name = `receipt-${String(receipt.index).padStart(4, '0')}`;
      writeFileSync(join(options.outputDir, `${name}.txt`), `${receipt.text}\n`, { mode: 0o600 });
      writeFileSync(join(options.outputDir, `${name}.png`), receipt.png, { mode: 0o600 });
    }
    receiptListeners.emit(receipt);
  }

  // Line pacing: chunks wait until the wire would have delivered them, in order.
  const queue: { chunk: Uint8Array; due: number }[] = [];
  let lineFreeAt = 0;
  let timer: NodeJS.Timeout | null = null;
  const processChunk = (chunk: Uint8Array) => {
    jobBytes += chunk.length;
    interpreter.feed(chunk);
  };
  const drain = () => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && (queue[0]?.due ?? 0) <= now) {
      const next = queue.shift();
      if (next) processChunk(next.chunk);
    }
    const head = queue[0];
    if (head) timer = setTimeout(drain, Math.max(0, head.due - now));
  };

  transport.onData((chunk) => {
    bytesReceived += chunk.length;
    if (!options.baudRate) {
      processChunk(chunk);
      return;
    }
    const now = performance.now();
    lineFreeAt = Math.max(lineFreeAt, now) + (chunk.length * 10 * 1000) / options.baudRate;
    queue.push({ chunk, due: lineFreeAt });
    timer ??= setTimeout(drain, Math.max(0, lineFreeAt - now));
  });

  return {
    start: () => transport.open(),
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      queue.length = 0;
      await transport.close();
    },
    onReceipt: (listener) => receiptListeners.add(listener),
    nextReceipt() {
      return new Promise((resolve) => {
        const stop = receiptListeners.add((receipt) => {
          stop();
          resolve(receipt);
        });
      });
    },
    setPaper(state) {
      paper = state;
      if (state !== 'out') rowsLeft = null;
    },
    setCover(state) {
      coverOpen = state === 'open';
    },
    setSilent(on) {
      silent = on;
    },
    setGarbage(on) {
      garbage = on;
    },
    setError(value) {
      error = value;
    },
    runOutOfPaperAfter(rows) {
      rowsLeft = Math.max(0, Math.floor(rows));
      if (rowsLeft === 0) {
        rowsLeft = null;
        paper = 'out';
      }
    },
    get receipts() {
      return receipts;
    },
    get bytesReceived() {
      return bytesReceived;
    },
    get modes() {
      return interpreter.modes;
    },
  };
}
