import type { PrintResult } from '../api/resident';
import type { Result } from '../api/result';
import type { PrintFailure, PrintOutcome } from '../devices/types';

/** Where the slip went, in the words the renderer turns into a message. */
export function toPrintResult(printed: Result<PrintOutcome, PrintFailure>): PrintResult {
  if (printed.ok) return { output: 'paper', problem: null };
  switch (printed.error.kind) {
    case 'alreadyPrinted':
      return { output: 'paper', problem: null };
    case 'printerUnavailable':
      return { output: 'screen', problem: printed.error.code === 'paperOut' ? 'paperOut' : 'printerUnavailable' };
    case 'uncertain':
      return { output: 'screen', problem: 'printFailed' };
  }
}
