import { useT } from '../i18n/use-t';
import { UiIcon } from '../components/icons/UiIcon';
import { useShellScreen, useShellSend, useVisit } from '../shell/shell-context';
import { useBackAction } from '../shell/step-back';

/**
 * Back, home, 帮办 (help) and 结束办理, always in the same place (WCAG 3.2.6). Help opens the 帮办代办
 * request with the matter on screen attached, from every screen of a visit. 结束办理 ends the
 * visit now (a reminder to take the card, then the start screen), so the next person never sees
 * this one's name or services. On the attract and farewell screens they keep their place but are
 * hidden; where they would do nothing they are disabled rather than removed.
 */
export function NavButtons() {
  const { t } = useT();
  const send = useShellSend();
  const screen = useShellScreen();
  const hidden = screen === 'attract' || screen === 'farewell';
  const atHome = screen === 'home';
  const visit = useVisit();
  const inHelp = visit.journey?.kind === 'help';
  const back = useBackAction(() => send({ type: 'BACK' }));
  return (
    <div className="nav-buttons" data-hidden={hidden || undefined}>
      <button
        type="button"
        className="nav-button"
        data-testid="back-button"
        disabled={hidden || atHome}
        aria-hidden={hidden || undefined}
        onClick={back}
      >
        <UiIcon name="back" />
        {t('nav.back')}
      </button>
      <button
        type="button"
        className="nav-button"
        data-testid="home-button"
        disabled={hidden || atHome}
        aria-hidden={hidden || undefined}
        onClick={() => send({ type: 'HOME' })}
      >
        <UiIcon name="home" />
        {t('nav.home')}
      </button>
      <button
        type="button"
        className="nav-button nav-button--help"
        data-testid="help-button"
        disabled={hidden || inHelp}
        aria-hidden={hidden || undefined}
        onClick={() => send({ type: 'OPEN_JOURNEY', journey: { kind: 'help', matterCode: visit.matterCode } })}
      >
        <UiIcon name="phone" />
        {t('nav.help')}
      </button>
      <button
        type="button"
        className="nav-button"
        data-testid="end-visit-button"
        disabled={hidden}
        aria-hidden={hidden || undefined}
        onClick={() => send({ type: 'END_VISIT' })}
      >
        <UiIcon name="check" />
        {t('nav.endVisit')}
      </button>
    </div>
  );
}
