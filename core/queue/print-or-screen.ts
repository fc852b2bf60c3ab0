import type { ReceiptDocument } from '../../drivers/printer/receipt-document';
import type { PrintResult } from '../api/resident';
import type { DeviceManager } from '../devices/types';

/**
 * Prints a ticket or slip, or says why it goes to the screen instead. A printer problem never
 * fails the journey: the ticket or booking is valid either way (feature-anchors.md b.14).
 */
export async function printOrScreen(devices: DeviceManager, document: ReceiptDocument): Promise<PrintResult> {
  const printed = await devices.print(document);
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
