import { PassThrough, Readable } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { LEDGER_HEADER, type LedgerSource } from './ledger-rows';

/**
 * The 台账 as .xlsx with ExcelJS's streaming writer: every row is committed as soon as it is
 * added (written into the zip and forgotten), shared strings are off (they would keep every
 * distinct string of the year in memory), and the writer waits whenever the download has not
 * taken what was already made, so a county's year never sits in memory at once.
 *
 * Cells are written as text, never as formulas, so a name beginning with "=" stays text here
 * (the CSV needs the guard of ledger-csv.ts; the workbook does not).
 */

const COLUMN_WIDTHS = [12, 28, 24, 10, 14, 28, 12, 12, 24];
/** Bytes the download may have waiting before the writer stops adding rows. */
const WAITING_LIMIT = 256 * 1024;

/** The readable-stream 2 PassThrough archiver wraps a source in has no writableLength: its states do. */
interface Buffered {
  readonly _writableState?: { readonly length?: number };
  readonly _readableState?: { readonly length?: number };
}

/**
 * Bytes of the sheet the zip has not compressed yet. ExcelJS 4.4 writes committed rows into the
 * sheet's StreamBuf, which writes on into the zip's input for that entry without waiting (it
 * ignores backpressure): unless the writer waits for that input to drain, a fast producer piles
 * the whole sheet up there. Read from ExcelJS's internals (`_stream.pipes`); ledger-streaming
 * .test.ts fails if a new ExcelJS moves them and memory grows again.
 */
function pendingInZip(sheet: ExcelJS.Worksheet): number {
  const pipes = (sheet as unknown as { _stream?: { pipes?: readonly Buffered[] } })._stream?.pipes ?? [];
  return pipes.reduce((sum, pipe) => sum + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0), 0);
}

export function ledgerXlsxStream(
  source: LedgerSource,
  title: string,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const output = new PassThrough({ highWaterMark: 64 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  workbook.creator = 'bianmin-kiosk platform';
  const sheet = workbook.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  let cancelled = false;
  const write = async () => {
    const titleRow = sheet.addRow([title]);
    titleRow.font = { bold: true };
    titleRow.commit();
    const header = sheet.addRow([...LEDGER_HEADER]);
    header.font = { bold: true };
    header.commit();
    for (let page = await source.nextPage(); page.length > 0 && !cancelled; page = await source.nextPage()) {
      for (const row of page) sheet.addRow([...row]).commit();
      // Let zlib and the download catch up before the next page.
      await nextTurn();
      while (!cancelled && output.readableLength + output.writableLength + pendingInZip(sheet) > WAITING_LIMIT)
        await delay(2);
    }
    if (cancelled) return;
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    onError(error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  output.once('close', () => {
    cancelled = true;
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
