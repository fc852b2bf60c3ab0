import { useState } from 'react';
import { useClient } from '../api/api-context';
import { useKioskInfo } from '../api/kiosk-info-context';
import { useApiQuery } from '../api/use-api-query';
import { useElder } from '../components/ChoicePages';
import { useT } from '../i18n/use-t';
import type { CallSession } from './call-session';
import { matterRefOf, topicOf } from './help-topic';
import { useCallSession } from './video-help-context';
import './video-help.css';

/**
 * 视频帮办 in 帮办求助: shown only while core says it is offered (face camera, microphone, the
 * platform running it, an agent on duty), asked again each time the help screen opens. One tap
 * opens the consent screen; in 长辈版 it is one large tile.
 */
export function VideoHelpChoice({ matterCode }: { matterCode: string | null }) {
  const session = useCallSession();
  return session ? <OfferedChoice session={session} matterCode={matterCode} /> : null;
}

function OfferedChoice({ session, matterCode }: { session: CallSession; matterCode: string | null }) {
  const { t } = useT();
  const client = useClient();
  const elder = useElder();
  const documentCameraLabel = useKioskInfo().documentCamera.deviceLabel;
  // Mounted with the help screen: each opening asks afresh.
  const [opened] = useState(() => String(Date.now()));
  const availability = useApiQuery('videoHelp.availability', {}, opened);
  const [busy, setBusy] = useState(false);
  if (availability.status !== 'ok' || !availability.value.offered) return null;
  const offered = availability.value;

  const choose = async () => {
    setBusy(true);
    const detail = matterCode ? await client.call('catalog.matter', { code: matterCode }).catch(() => null) : null;
    const matter = detail?.ok ? detail.value : null;
    setBusy(false);
    session.open({
      topic: topicOf(matter),
      matter: matterRefOf(matter),
      recordingAsked: offered.recording === 'withConsent',
      media: {
        faceCameraLabel: offered.faceCameraLabel,
        microphoneLabel: offered.microphoneLabel,
        documentCameraLabel,
        emulated: offered.emulated,
      },
    });
  };

  return (
    <button
      type="button"
      className={elder ? 'tile videohelp-choice videohelp-choice--elder' : 'tile videohelp-choice'}
      data-testid="videohelp-choice"
      disabled={busy}
      onClick={() => void choose()}
    >
      <span className="tile-text">
        <span className="tile-label">{t('videoHelp:choice.label')}</span>
        <span className="tile-hint">{elder ? t('videoHelp:choice.elderHint') : t('videoHelp:choice.hint')}</span>
      </span>
    </button>
  );
}
