import { useT } from '../i18n/use-t';
import { usePreferences, useShellSend } from '../shell/shell-context';
import { VOLUME_STEPS } from '../shell/shell-machine';
import { useVoice } from './voice-context';
import './voice.css';

/**
 * 重听: says the screen again (EN 301 549 5.1.3.4). Shown only in voice mode. It speaks for
 * itself, so tap-to-speak leaves it out (data-speech-tap="off").
 */
export function RepeatButton() {
  const { t } = useT();
  const voice = useVoice();
  if (!voice.enabled) return null;
  return (
    <button
      type="button"
      className="voice-button"
      data-testid="voice-repeat"
      data-speech-tap="off"
      aria-label={t('voice:repeatLabel')}
      onClick={voice.repeat}
    >
      {t('voice:repeat')}
    </button>
  );
}

/** 语音播报 开/关 for this visit; turning it on reads the screen at once. */
export function VoiceToggle() {
  const { t } = useT();
  const send = useShellSend();
  const { voice } = usePreferences();
  return (
    <button
      type="button"
      className="voice-button voice-toggle"
      data-testid="voice-toggle"
      data-speech-tap="off"
      aria-pressed={voice}
      onClick={() => send({ type: 'SET_VOICE', voice: !voice })}
    >
      <span>{t('voice:toggle')}</span>
      <span className="voice-toggle-state">{voice ? t('voice:on') : t('voice:off')}</span>
    </button>
  );
}

/**
 * 音量 − / +, in VOLUME_STEPS, for this visit (reset with it: EN 301 549 5.1.3.13). Shown in
 * voice mode, where there is something to hear; the change applies to the speech playing now.
 */
export function VolumeControl() {
  const { t } = useT();
  const send = useShellSend();
  const { voice, volumeStep } = usePreferences();
  if (!voice) return null;
  const last = VOLUME_STEPS.length - 1;
  return (
    <div className="voice-volume" role="group" aria-label={t('voice:volume')} data-testid="voice-volume">
      <button
        type="button"
        className="voice-button voice-volume-step"
        data-testid="voice-volume-down"
        aria-label={t('voice:volumeDown')}
        disabled={volumeStep <= 0}
        onClick={() => send({ type: 'SET_VOLUME', volumeStep: volumeStep - 1 })}
      >
        <span aria-hidden="true">−</span>
      </button>
      <span className="voice-volume-level">
        {t('voice:volumeLevel', { level: volumeStep + 1, steps: VOLUME_STEPS.length })}
      </span>
      <button
        type="button"
        className="voice-button voice-volume-step"
        data-testid="voice-volume-up"
        aria-label={t('voice:volumeUp')}
        disabled={volumeStep >= last}
        onClick={() => send({ type: 'SET_VOLUME', volumeStep: volumeStep + 1 })}
      >
        <span aria-hidden="true">+</span>
      </button>
    </div>
  );
}
