import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useCatalogStatus } from '../../api/catalog-status-context';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useApiQuery } from '../../api/use-api-query';
import { MatterBadges } from '../../components/MatterBadges';
import { Loading } from '../../states/Loading';
import { QueryFailure } from '../../states/QueryFailure';
import { GuideActions } from './GuideActions';
import { GuideBody } from './GuideBody';
import { NoGuide } from './NoGuide';
import './guide.css';

/** One matter: its name and badges, then its whole guide, or plain words when it has none. */
export function GuideScreen({ code }: { code: string }) {
  const { t } = useT();
  const { station } = useKioskInfo();
  const { refresh } = useCatalogStatus();
  const [attempt, setAttempt] = useState(0);
  const detail = useApiQuery('catalog.matter', { code }, `${refresh}#${attempt}`);

  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') {
    if (detail.error.code === 'notFound') {
      return (
        <div className="state-panel state-panel--quiet" data-testid="matter-not-found">
          <p className="state-body">{t('guide:notFound')}</p>
        </div>
      );
    }
    return <QueryFailure error={detail.error} hotline={station.hotline} onRetry={() => setAttempt((n) => n + 1)} />;
  }

  const matter = detail.value;
  return (
    <section
      className="screen guide"
      data-testid="guide-screen"
      data-code={matter.code}
      data-sample={matter.guide?.isSample ?? undefined}
      aria-labelledby="guide-title"
    >
      <header className="guide-head">
        <p className="guide-kicker">{t('guide:title')}</p>
        <h1 id="guide-title" className="screen-title" data-speech="title">
          {matter.name}
        </h1>
        <MatterBadges matter={matter} />
        <p className="screen-subtitle" data-speech="hint">
          {t('guide:hint')}
        </p>
      </header>
      <GuideActions matter={matter} />
      {matter.guide ? <GuideBody guide={matter.guide} matter={matter} /> : <NoGuide matter={matter} />}
    </section>
  );
}
