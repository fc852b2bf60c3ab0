import { describe, expect, it } from 'vitest';
import { CallEndReason } from '../../../contract/video-help';
import { KioskVideoCall } from '../../../contract/console/fleet-views';
import { HelpKind } from '../../../contract/console/statistics-views';
import { createConsoleI18n } from './create-i18n';
import { LOCALES } from './resources';

/** Every 视频帮办 code the contract sends to the statistics and kiosk pages has words in both languages. */
describe('video call words', () => {
  it.each(LOCALES)('%s has words for every end reason, call status and help kind', (locale) => {
    const i18n = createConsoleI18n(locale);
    const keys = [
      ...CallEndReason.options.map((reason) => `kiosk:video.endReason.${reason}`),
      ...KioskVideoCall.shape.status.options.map((status) => `kiosk:video.status.${status}`),
      ...HelpKind.options.map((kind) => `statistics:helpKind.${kind}`),
    ];
    expect(keys.filter((key) => !i18n.exists(key, { fallbackLng: [] }))).toEqual([]);
  });
});
