import { describe, expect, it } from 'vitest';
import { CallEndReason, PlatformToAgentVideoMessage } from '../../../contract/video-help';
import { createConsoleI18n } from './create-i18n';
import { LOCALES } from './resources';

/** Every code the agent page turns into words through a computed key has them in both languages. */
describe('video help agent words', () => {
  const option = (t: string) => PlatformToAgentVideoMessage.options.find((o) => o.shape.t.value === t);
  const errorCodes = (option('error')?.shape as { code: { options: readonly string[] } }).code.options;
  const cameraReasons = (
    option('documentCamera')?.shape as { reason: { unwrap(): { options: readonly string[] } } }
  ).reason.unwrap().options;
  const codes: Array<[string, readonly string[]]> = [
    ['agent:endReason', CallEndReason.options],
    ['agent:notice', errorCodes],
    ['agent:documentCamera.status', [...cameraReasons, 'off', 'asking', 'sending']],
    ['agent:peer', ['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed']],
    ['agent:duty.status', ['onDuty', 'joining', 'offDuty']],
    ['agent:propose.kinds', ['openMatter', 'fillField', 'goToStep']],
    ['agent:propose.outcome', ['pending', 'accepted', 'declined']],
    ['agent:connection.refused', ['unauthorised', 'forbidden']],
  ];
  it.each(LOCALES)('%s has words for every code the page shows', (locale) => {
    const i18n = createConsoleI18n(locale);
    expect(errorCodes).toContain('taken');
    expect(cameraReasons).toContain('refusedByResident');
    for (const [prefix, values] of codes) {
      for (const value of values) {
        expect(i18n.exists(`${prefix}.${value}`, { fallbackLng: [] }), `${locale} ${prefix}.${value}`).toBe(true);
      }
    }
    expect(i18n.t('common:nav.agent')).toBe(locale === 'en' ? 'Video help' : '视频帮办');
    expect(i18n.t('help:kindName.video')).toBe(locale === 'en' ? 'Video help' : '视频帮办');
  });
});
