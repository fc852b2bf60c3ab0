import { describe, expect, it } from 'vitest';
import { err, ok } from '../pure/result';
import { printResultOf } from './print-result';

describe('printResultOf', () => {
  it('paper when printed, or when the same receipt was printed before', () => {
    expect(printResultOf(ok({ receiptId: 'r', printedAt: '2026-11-21T08:00:00.000Z' }))).toEqual({
      output: 'paper',
      problem: null,
    });
    expect(printResultOf(err({ kind: 'alreadyPrinted', message: 'printed at 08:00' }))).toEqual({
      output: 'paper',
      problem: null,
    });
  });

  it('the screen, with the reason the renderer words: paper out, printer unavailable, failed part-way', () => {
    expect(printResultOf(err({ kind: 'printerUnavailable', code: 'paperOut', message: 'x' }))).toEqual({
      output: 'screen',
      problem: 'paperOut',
    });
    expect(printResultOf(err({ kind: 'printerUnavailable', code: 'coverOpen', message: 'x' }))).toEqual({
      output: 'screen',
      problem: 'printerUnavailable',
    });
    expect(printResultOf(err({ kind: 'uncertain', code: 'disconnected', message: 'x' }))).toEqual({
      output: 'screen',
      problem: 'printFailed',
    });
  });
});
