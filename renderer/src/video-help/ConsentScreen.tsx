import { useEffect, useRef, useState } from 'react';
import { useElder } from '../components/ChoicePages';
import { useT } from '../i18n/use-t';
import type { CallOffer, CallSession } from './call-session';

/** One yes/no choice the resident makes before the call, as a large switch. */
function ConsentSwitch({
  testId,
  label,
  on,
  onChange,
}: {
  testId: string;
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useT();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className="videohelp-switch"
      data-testid={testId}
      onClick={() => onChange(!on)}
    >
      <span className="videohelp-switch-label">{label}</span>
      <span className="videohelp-switch-state" aria-hidden="true">
        {on ? t('videoHelp:consent.on') : t('videoHelp:consent.off')}
      </span>
    </button>
  );
}

/**
 * What the agent will see, said plainly, and the resident's choices (docs/video-help.md §Consent):
 * personal details off, the 高拍仪 on (each request is still asked), recording off and asked only
 * where the county records. Nothing is sent before 同意并呼叫.
 */
export function ConsentScreen({
  session,
  offer,
  starting,
}: {
  session: CallSession;
  offer: CallOffer;
  starting: boolean;
}) {
  const { t } = useT();
  const elder = useElder();
  const [personalValues, setPersonalValues] = useState(false);
  const [documentCamera, setDocumentCamera] = useState(true);
  const [recording, setRecording] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <section className="videohelp-panel-body" data-testid="videohelp-consent" aria-labelledby="videohelp-consent-title">
      <h1 id="videohelp-consent-title" className="screen-title" data-speech="title" tabIndex={-1} ref={title}>
        {t('videoHelp:consent.title')}
      </h1>
      <h2 className="videohelp-section-title">{t('videoHelp:consent.sees')}</h2>
      <ul className="videohelp-sees" data-speech="hint">
        <li>{t('videoHelp:consent.seesScreen')}</li>
        <li>{t('videoHelp:consent.seesFields')}</li>
        <li>{t('videoHelp:consent.seesFace')}</li>
        <li>{t('videoHelp:consent.noPixels')}</li>
        {!offer.recordingAsked && <li>{t('videoHelp:consent.noRecording')}</li>}
      </ul>
      <h2 className="videohelp-section-title">{t('videoHelp:consent.choices')}</h2>
      <div className="videohelp-switches">
        <ConsentSwitch
          testId="videohelp-consent-personal"
          label={t('videoHelp:consent.personal')}
          on={personalValues}
          onChange={setPersonalValues}
        />
        <ConsentSwitch
          testId="videohelp-consent-document"
          label={t('videoHelp:consent.document')}
          on={documentCamera}
          onChange={setDocumentCamera}
        />
        {offer.recordingAsked && (
          <ConsentSwitch
            testId="videohelp-consent-recording"
            label={t('videoHelp:consent.recording')}
            on={recording}
            onChange={setRecording}
          />
        )}
      </div>
      <div className="videohelp-actions">
        <button type="button" className="button" disabled={starting} onClick={() => session.decline()}>
          {t('videoHelp:consent.back')}
        </button>
        <button
          type="button"
          className={elder ? 'button button--primary videohelp-big' : 'button button--primary'}
          data-testid="videohelp-call-button"
          disabled={starting}
          onClick={() => void session.agree({ personalValues, documentCamera, recording }, elder)}
        >
          {starting ? t('videoHelp:consent.starting') : t('videoHelp:consent.call')}
        </button>
      </div>
    </section>
  );
}
