import type { ReceiptDocument } from '../../drivers/printer/receipt-document';
import type { PrintResult } from '../api/resident';
import type { Result } from '../pure/result';
import type { DeviceManager, PrintFailure, PrintOutcome } from './types';

/**
 * Where a receipt, ticket or slip went, in the words the renderer picks its message by. A printer
 * problem never fails a journey: what was printed for is valid either way, and the screen shows it
 * instead (docs/design-anchors.md §5).
 */
export function printResultOf(printed: Result<PrintOutcome, PrintFailure>): PrintResult {
  if (printed.ok) return { output: 'paper', problem: null };
  switch (printed.error.kind) {
    case 'alreadyPrinted':
      // The same id went to paper before (a repeated press): the resident holds it already.
      return { output: 'paper', problem: null };
    case 'printerUnavailable':
      return { output: 'screen', problem: printed.error.code === 'paperOut' ? 'paperOut' : 'printerUnavailable' };
    case 'uncertain':
      // Part of it may be on paper; never printed again by itself, so the screen shows it whole.
      return { output: 'screen', problem: printed.error.code === 'paperOut' ? 'paperOut' : 'printFailed' };
  }
}

/** Prints, or says why the screen shows it instead. */
export async function printOrScreen(
  devices: Pick<DeviceManager, 'print'>,
  document: ReceiptDocument,
  options: { reprint?: boolean } = {},
): Promise<PrintResult> {
  return printResultOf(await devices.print(document, options));
}
