import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDeviceCondition, type PrinterCondition } from '../../drivers/printer';
import { statusFlags } from './printer';

describe('statusFlags', () => {
  it('recovers every DLE EOT flag from the printer driver’s condition (guards the coupling)', () => {
    const flags = fc.record<PrinterCondition>({
      online: fc.boolean(),
      coverOpen: fc.boolean(),
      paperNearEnd: fc.boolean(),
      paperOut: fc.boolean(),
      cutterError: fc.boolean(),
      unrecoverableError: fc.boolean(),
      recoverableError: fc.boolean(),
    });
    fc.assert(
      fc.property(flags, (condition) => {
        expect(statusFlags(toDeviceCondition(condition))).toEqual(condition);
      }),
    );
  });
});
