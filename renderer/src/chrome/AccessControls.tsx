import { useT } from '../i18n/use-t';
import { usePreferences, useShellScreen, useShellSend } from '../shell/shell-context';
import { RepeatButton, VoiceToggle, VolumeControl } from '../voice/VoiceControls';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * 长辈版, high contrast, the voice controls (语音播报, 重听, 音量) and the languages, under the
 * navigation in the bottom bar of every screen, so a visitor can switch at any moment and switch back. On the
 * attract screen they keep their place but are hidden, like the navigation. Both are toggle buttons (aria-pressed) whose name
 * stays the same, as WCAG asks of toggles; voice mode reads the name and the state.
 */
export function AccessControls() {
  const { t } = useT();
  const send = useShellSend();
  const screen = useShellScreen();
  const { profile, contrast } = usePreferences();
  const hidden = screen === 'attract';
  const elder = profile === 'elder';
  return (
    <div className="access-controls" role="group" aria-label={t('access.label')} data-hidden={hidden || undefined}>
      <button
        type="button"
        className="access-toggle access-toggle--elder"
        data-testid="elder-toggle"
        aria-pressed={elder}
        aria-hidden={hidden || undefined}
        disabled={hidden}
        onClick={() => send({ type: 'SET_PROFILE', profile: elder ? 'standard' : 'elder' })}
      >
        {t('access.elder')}
      </button>
      <button
        type="button"
        className="access-toggle"
        data-testid="contrast-toggle"
        aria-pressed={contrast === 'high'}
        aria-hidden={hidden || undefined}
        disabled={hidden}
        onClick={() => send({ type: 'SET_CONTRAST', contrast: contrast === 'high' ? 'default' : 'high' })}
      >
        {t('access.contrast')}
      </button>
      {!hidden && (
        <>
          <VoiceToggle />
          <RepeatButton />
          <VolumeControl />
        </>
      )}
      {/* In the same wrapping row, so 长辈版's larger buttons take as few rows as they can. */}
      <LanguageSwitch />
    </div>
  );
}
