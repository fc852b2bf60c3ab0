import { describe, expect, it } from 'vitest';
import { AssistanceRequestInput } from '../../../../core/api/care';
import { checkHelpForm, emptyHelpForm, type HelpForm } from './help-form';

const ID = '00000000-0000-4000-8000-000000000001';
const form = (change: Partial<HelpForm>): HelpForm => ({ ...emptyHelpForm, ...change });

describe('help form check', () => {
  it('needs a kind first', () => {
    expect(checkHelpForm(emptyHelpForm, null, ID)).toEqual({ ok: false, problems: ['kindMissing'] });
  });

  it('needs a phone for a callback and a home visit, and an address for a visit', () => {
    expect(checkHelpForm(form({ kind: 'callback' }), null, ID)).toEqual({ ok: false, problems: ['phoneMissing'] });
    expect(checkHelpForm(form({ kind: 'homeVisit', address: '东埠' }), null, ID)).toEqual({
      ok: false,
      problems: ['phoneMissing', 'addressMissing'],
    });
    expect(checkHelpForm(form({ kind: 'callback', phone: '1391234' }), null, ID)).toEqual({
      ok: false,
      problems: ['phoneInvalid'],
    });
  });

  it('lets an agent come to the station without a phone, but checks one that is given', () => {
    const checked = checkHelpForm(form({ kind: 'agentAtStation', needs: ['elderly'] }), 'M-1', ID);
    expect(checked).toEqual({
      ok: true,
      input: { confirmationId: ID, kind: 'agentAtStation', needs: ['elderly'], matterCode: 'M-1' },
    });
    expect(checkHelpForm(form({ kind: 'agentAtStation', phone: '12' }), null, ID).ok).toBe(false);
  });

  it('sends only the fields of the chosen kind, in a shape core accepts', () => {
    const visit = checkHelpForm(
      form({ kind: 'homeVisit', phone: '0536-4000123', address: ' 东埠村三组12号 ', preferredTime: 'evening' }),
      null,
      ID,
    );
    expect(visit).toEqual({
      ok: true,
      input: {
        confirmationId: ID,
        kind: 'homeVisit',
        needs: [],
        matterCode: null,
        phone: '0536-4000123',
        address: '东埠村三组12号',
        preferredDate: null,
      },
    });
    const callback = checkHelpForm(form({ kind: 'callback', phone: '13912345678', address: 'ignored' }), null, ID);
    expect(callback.ok && callback.input).toEqual({
      confirmationId: ID,
      kind: 'callback',
      needs: [],
      matterCode: null,
      phone: '13912345678',
      preferredTime: 'anytime',
    });
    for (const checked of [visit, callback]) {
      if (checked.ok) expect(AssistanceRequestInput.safeParse(checked.input).success).toBe(true);
    }
  });
});
