import { LEDGER_HEADER, type LedgerRow, type LedgerSource } from './ledger-rows';

/**
 * The 台账 as CSV: UTF-8 with a byte-order mark (Excel opens a BOM-less UTF-8 CSV as the local
 * code page and garbles Chinese), CRLF line ends and RFC 4180 quoting. Pulled page by page: the
 * next page is read only when the reader wants more, so a slow download holds one page.
 */

const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (= + - @, and tab / carriage return which some
 * spreadsheets strip first) is prefixed with an apostrophe: OWASP "CSV Injection".
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(cell: string): string {
  const guarded = guardFormula(cell);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function ledgerCsvStream(source: LedgerSource): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(BOM + csvLine(LEDGER_HEADER)));
          return;
        }
        const page: LedgerRow[] = await source.nextPage();
        if (page.length === 0) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(page.map(csvLine).join('')));
      },
    },
    { highWaterMark: 1 },
  );
}
