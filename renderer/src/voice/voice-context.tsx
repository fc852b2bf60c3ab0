import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/api-context';
import { ShellActor, usePreferences, useShellScreen } from '../shell/shell-context';
import { languageInfo } from '../i18n/languages';
import { VOLUME_STEPS, type ShellScreen } from '../shell/shell-machine';
import type { AudioOut } from './audio-out';
import { sameAnnouncement, type Announcement } from './read-announcement';
import { createSpeechPlayer, type SpeechVoice } from './speech-player';
import { splitUtterances } from './split-utterances';
import { tapUtterance } from './tap-utterance';
import { watchAnnouncements, type AnnouncementWatch } from './watch-announcements';
import { createWebAudioOut } from './web-audio-out';

export interface Voice {
  /** Voice mode is on for this visit (长辈版 turns it on; 语音播报 toggles it). */
  readonly enabled: boolean;
  /** Says this now, interrupting whatever is being said; it becomes what 重听 repeats. Silent when voice is off. */
  readonly speak: (text: string) => void;
  /** Stops speaking at once. */
  readonly stop: () => void;
  /** Says the current announcement (the screen's, an alert's, or the last speak()) again. */
  readonly repeat: () => void;
}

/** Outside a VoiceProvider (a screen rendered alone in a test) voice is simply off. */
const silentVoice: Voice = { enabled: false, speak: () => undefined, stop: () => undefined, repeat: () => undefined };

export const VoiceContext = createContext<Voice>(silentVoice);

export function useVoice(): Voice {
  return useContext(VoiceContext);
}

const OUTSIDE_VISIT: readonly ShellScreen[] = ['attract', 'technicianPin', 'technician'];

/**
 * Voice mode (语音播报, EN 301 549 5.1.3): every screen reads out its own marked text
 * (data-speech, see read-announcement.ts), a touched control says its name, 重听 repeats, and any
 * new screen or touch interrupts what was being said. Speech is synthesised by core
 * (`speech.say`) in the visit's language, slower in 长辈版, at the visit's volume, all of which
 * reset with the visit. When a visit starts in the standard profile it says once, even with voice
 * off, how to find 长辈版, so a resident who cannot read the screen can turn voice on.
 *
 * Sits inside ApiProvider and ShellActor.Provider, around the Shell (it watches `.shell`).
 */
export function VoiceProvider({ children, audio }: { children: ReactNode; audio?: AudioOut }) {
  const client = useClient();
  const { i18n } = useTranslation();
  const preferences = usePreferences();
  const locale = ShellActor.useSelector((snapshot) => snapshot.context.locale);
  const screen = useShellScreen();
  const [out] = useState(() => audio ?? createWebAudioOut());
  const [player] = useState(() => createSpeechPlayer((input) => client.call('speech.say', input), out));

  // A language the engine has no voice for stays silent rather than be read in another language
  // (EN 301 549 5.1.3.14).
  const speakable = languageInfo(locale).speech;
  const enabled = preferences.voice && speakable;
  const voice: SpeechVoice = useMemo(
    () => ({ locale, rate: preferences.profile === 'elder' ? 'slow' : 'normal' }),
    [locale, preferences.profile],
  );
  // Read by the DOM listeners and the page watcher, which outlive a render.
  const live = useRef({ enabled, voice });
  useLayoutEffect(() => {
    live.current = { enabled, voice };
  }, [enabled, voice]);
  /** What 重听 says: the screen's or alert's texts, or the last speak(). */
  const current = useRef<readonly string[]>([]);
  const watch = useRef<AnnouncementWatch | null>(null);

  /** Plays texts as utterances; `always` is for the 长辈版 invitation, which speaks with voice off. */
  const say = useCallback(
    (texts: readonly string[], always = false) => {
      if (!always && !live.current.enabled) return;
      // No audio output (a test's happy-dom): do not make core synthesise what nobody can hear.
      if (!out.available) return;
      const utterances = texts.flatMap(splitUtterances);
      if (utterances.length === 0) {
        player.stop();
        return;
      }
      // The outcome only matters to the player: unavailable speech leaves the kiosk silent, not broken.
      void player.play(utterances, live.current.voice);
    },
    [out, player],
  );

  const value = useMemo<Voice>(
    () => ({
      enabled,
      speak: (text) => {
        current.current = [text];
        say([text]);
      },
      stop: () => player.stop(),
      repeat: () => say(current.current),
    }),
    [enabled, player, say],
  );

  // The announcer: when what the screen says changes, interrupt and say the new texts. An alert
  // that goes away (the visitor touched "continue") does not make the unchanged screen repeat.
  useEffect(() => {
    let lastScreen: Announcement = { kind: 'screen', texts: [] };
    let alertShown = false;
    const started = watchAnnouncements(
      document.body,
      () => document.querySelector('.shell'),
      (next) => {
        current.current = next.texts;
        if (next.kind === 'alert') {
          alertShown = true;
          say(next.texts);
          return;
        }
        const backFromAlert = alertShown && sameAnnouncement(next, lastScreen);
        alertShown = false;
        lastScreen = next;
        if (backFromAlert) {
          if (live.current.enabled) player.stop();
          return;
        }
        say(next.texts);
      },
    );
    const first = started.current();
    current.current = first.texts;
    if (first.kind === 'screen') lastScreen = first;
    else alertShown = true;
    watch.current = started;
    return () => {
      started.disconnect();
      watch.current = null;
    };
  }, [player, say]);

  // A new screen stops the old one's speech at once, before its own texts have settled
  // (EN 301 549 5.1.3.5). A visit that starts in the standard profile gets the invitation.
  const previousScreen = useRef<ShellScreen>(screen);
  useEffect(() => {
    const before = previousScreen.current;
    previousScreen.current = screen;
    if (before === screen) return;
    player.stop();
    const visitStarted = OUTSIDE_VISIT.includes(before) && !OUTSIDE_VISIT.includes(screen);
    if (visitStarted && preferences.profile === 'standard' && speakable) {
      say([i18n.t('voice:invitation', { lng: locale })], true);
    }
  }, [screen, player, say, i18n, locale, preferences.profile, speakable]);

  // Voice turned on: say the screen now. Turned off: silence at once.
  useEffect(() => {
    if (!enabled) {
      player.stop();
      return;
    }
    const now = watch.current?.current();
    if (now) current.current = now.texts;
    say(current.current);
  }, [enabled, player, say]);

  useEffect(() => out.setGain(VOLUME_STEPS[preferences.volumeStep] ?? 1), [out, preferences.volumeStep]);

  // Tap-to-speak, in the capture phase so the name is said before the control acts; if it
  // changes the screen, the new screen's announcement interrupts the name, as it should.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!live.current.enabled || !(event.target instanceof Element) || !event.target.closest('.shell')) return;
      const text = tapUtterance(event.target, i18n.t('voice:asterisk', { lng: live.current.voice.locale }));
      if (text !== null) say([text]);
    };
    // The autoplay policy may hold audio until a gesture: every touch is one.
    const onPointerDown = () => out.unlock();
    document.addEventListener('click', onClick, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [i18n, out, say]);

  useEffect(() => () => player.stop(), [player]);

  return <VoiceContext.Provider value={value}>{children}</VoiceContext.Provider>;
}
