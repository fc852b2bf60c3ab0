/** The receipt printer: ESC/POS encoding, DLE EOT status, the supervised device and its emulator. */
export type { ReceiptAlign, ReceiptBlock, ReceiptDocument } from './receipt-document';
export * as escpos from './commands';
export {
  charsText,
  columnWidth,
  columnsAtSize,
  encodeText,
  paperColumns,
  printerChars,
  wrapText,
  type PaperWidthMm,
  type PrinterChar,
  type PrinterEncoding,
} from './text';
export {
  layoutReceipt,
  receiptPreviewText,
  withReprintMarker,
  REPRINT_MARKER,
  type LayoutLine,
  type ReceiptFormat,
} from './layout';
export { encodeReceipt } from './encode-receipt';
export { sampleQueueTicket } from './sample-receipts';
export {
  blockingCode,
  canPrint,
  decodeStatus,
  isIdentityReply,
  isStatusReply,
  toDeviceCondition,
  type PrinterCondition,
  type StatusReplies,
} from './status';
export type { PrintFailure, PrintOutcome } from './print-result';
export {
  createMemoryPrintJobLedger,
  type ClaimResult,
  type FailurePhase,
  type LedgerEntry,
  type MemoryPrintJobLedger,
  type PrintJobLedger,
} from './print-job-ledger';
export { createPrinter, type DriverLogger, type Printer, type PrinterOptions, type PrintOptions } from './printer';
export {
  createPrinterEmulator,
  type EmulatedError,
  type EmulatedReceipt,
  type PaperState,
  type PrinterEmulator,
  type PrinterEmulatorOptions,
} from './emulator/emulator';
export { createEscPosInterpreter, type EscPosInterpreter, type PrinterRequest } from './emulator/interpreter';
export { paperText, type PaperRow } from './emulator/paper';
