import { describe, expect, it } from 'vitest';
import { createMemoryPrintJobLedger } from './print-job-ledger';

describe('memory print job ledger', () => {
  it('claims an id once; a second claim sees it in progress, then printed', async () => {
    const ledger = createMemoryPrintJobLedger();
    expect(await ledger.claim('r1')).toBe('claimed');
    expect(await ledger.claim('r1')).toBe('inProgress');
    await ledger.markPrinted('r1');
    expect(await ledger.claim('r1')).toBe('alreadyPrinted');
    expect(ledger.entry('r1')).toMatchObject({ state: 'printed', printJobs: 1 });
  });

  it('lets a job that failed before sending be claimed again', async () => {
    const ledger = createMemoryPrintJobLedger();
    await ledger.claim('r1');
    await ledger.markFailed('r1', 'beforeSend', 'paper out');
    expect(await ledger.claim('r1')).toBe('claimed');
  });

  it('counts a failure after sending as printed unless reprint is asked', async () => {
    const ledger = createMemoryPrintJobLedger();
    await ledger.claim('r1');
    await ledger.markFailed('r1', 'afterSend', 'paper out mid-job');
    expect(await ledger.claim('r1')).toBe('alreadyPrinted');
    expect(await ledger.claim('r1', { reprint: true })).toBe('claimed');
    await ledger.markPrinted('r1');
    expect(ledger.entry('r1')).toMatchObject({ state: 'printed', printJobs: 2 });
  });

  it('keeps an id printed when its reprint fails before sending', async () => {
    const ledger = createMemoryPrintJobLedger();
    await ledger.claim('r1');
    await ledger.markPrinted('r1');
    expect(await ledger.claim('r1', { reprint: true })).toBe('claimed');
    await ledger.markFailed('r1', 'beforeSend', 'cover open');
    expect(await ledger.claim('r1')).toBe('alreadyPrinted');
  });
});
