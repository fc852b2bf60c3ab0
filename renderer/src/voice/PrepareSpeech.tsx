import { useEffect } from 'react';
import { useClient } from '../api/api-context';
import { useKioskInfo } from '../api/kiosk-info-context';
import { fixedPromptTexts } from './fixed-prompt-texts';
import { prepareFixedPrompts } from './prepare-fixed-prompts';

/**
 * Once per start: asks core to cache the spoken form of every fixed prompt of the station's
 * language, in the background, when the station's config asks for it (speech.prepareAtStart).
 */
export function PrepareSpeech() {
  const client = useClient();
  const { speech, ui } = useKioskInfo();
  const wanted = speech.available && speech.prepareAtStart;
  useEffect(() => {
    if (!wanted) return;
    void prepareFixedPrompts(client, fixedPromptTexts(ui.defaultLocale), ui.defaultLocale);
  }, [client, wanted, ui.defaultLocale]);
  return null;
}
