import { describe, expect, it } from 'vitest';
import { elderStepAfter, elderStepBefore, elderStepProblems, elderStepsFor } from './elder-steps';
import { emptyHelpForm, type HelpForm } from './help-form';

const form = (change: Partial<HelpForm>): HelpForm => ({ ...emptyHelpForm, ...change });

describe('长辈版 help steps', () => {
  it('asks only what the chosen kind needs, reasons last', () => {
    expect(elderStepsFor(null)).toEqual(['kind']);
    expect(elderStepsFor('callback')).toEqual(['kind', 'time', 'phone', 'needs']);
    expect(elderStepsFor('homeVisit')).toEqual(['kind', 'address', 'day', 'phone', 'needs']);
    expect(elderStepsFor('agentAtStation')).toEqual(['kind', 'phone', 'needs']);
  });

  it('goes on and back along the kind’s steps, and stops at either end', () => {
    expect(elderStepAfter('homeVisit', 'kind')).toBe('address');
    expect(elderStepAfter('homeVisit', 'day')).toBe('phone');
    expect(elderStepAfter('callback', 'needs')).toBeNull();
    expect(elderStepBefore('agentAtStation', 'phone')).toBe('kind');
    expect(elderStepBefore('callback', 'kind')).toBeNull();
  });

  it('keeps the resident on a step only for that step’s own problems', () => {
    const visit = form({ kind: 'homeVisit', address: '东埠' });
    expect(elderStepProblems(visit, 'address')).toEqual(['addressMissing']);
    expect(elderStepProblems(visit, 'day')).toEqual([]);
    expect(elderStepProblems(visit, 'phone')).toEqual(['phoneMissing']);
    expect(elderStepProblems(form({ kind: 'callback', phone: '1391234' }), 'phone')).toEqual(['phoneInvalid']);
    expect(elderStepProblems(form({ kind: 'agentAtStation' }), 'phone')).toEqual([]);
  });
});
