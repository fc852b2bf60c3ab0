import { describe, expect, it } from 'vitest';
import {
  AssistanceContactChannel,
  AssistanceContactOutcome,
  AssistanceKind,
  AssistanceRequest,
} from '../../../contract/assistance';
import { HelpHistoryEntry, HelpInboxStatus } from '../../../contract/console/help-views';
import { createConsoleI18n } from './create-i18n';
import { LOCALES } from './resources';

/** Every code a help request can carry has words in both languages, so no raw code reaches staff. */
describe('help words', () => {
  const needs = AssistanceRequest.options[0].shape.needs.element.options;
  const codes: Array<[string, readonly string[]]> = [
    ['help:inboxStatus', HelpInboxStatus.options],
    ['help:kindName', AssistanceKind.options],
    ['help:channel', AssistanceContactChannel.options],
    ['help:outcome', AssistanceContactOutcome.options],
    ['help:event', HelpHistoryEntry.shape.event.options],
    ['help:need', needs],
  ];
  it.each(LOCALES)('%s has words for every help-request code', (locale) => {
    const i18n = createConsoleI18n(locale);
    for (const [prefix, values] of codes) {
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        expect(i18n.exists(`${prefix}.${value}`, { fallbackLng: [] }), `${locale} ${prefix}.${value}`).toBe(true);
      }
    }
    expect(i18n.t('help:due.overdue')).toBe(locale === 'en' ? 'Overdue' : '已超时');
  });
});
