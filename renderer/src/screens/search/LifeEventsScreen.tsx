import { useState } from 'react';
import type { LifeEventView } from '../../../../core/api/find';
import { useCatalogStatus } from '../../api/catalog-status-context';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useApiQuery } from '../../api/use-api-query';
import { useJourneyAvailability } from '../../api/use-devices';
import { ChoicePages, useElder } from '../../components/ChoicePages';
import { ScrollPager } from '../../components/ScrollPager';
import { useT } from '../../i18n/use-t';
import { Loading } from '../../states/Loading';
import { QueryFailure } from '../../states/QueryFailure';
import './search.css';

/**
 * 一件事一次办: each life event with its matters. "一次申请" starts one application for the whole
 * bundle when every matter of it can be submitted here; otherwise it says which matters need the
 * window, each with its guide one tap away.
 */
export function LifeEventsScreen({
  onApply,
  onOpenMatter,
}: {
  onApply: (matterCodes: readonly string[], lifeEventId: string) => void;
  onOpenMatter: (code: string) => void;
  onExit: () => void;
}) {
  const { t } = useT();
  const { station } = useKioskInfo();
  const { refresh } = useCatalogStatus();
  const [attempt, setAttempt] = useState(0);
  const events = useApiQuery('catalog.lifeEvents', {}, `${refresh}#${attempt}`);
  const elder = useElder();

  let body;
  if (events.status === 'loading') body = <Loading />;
  else if (events.status === 'error') {
    body = <QueryFailure error={events.error} hotline={station.hotline} onRetry={() => setAttempt((n) => n + 1)} />;
  } else if (events.value.length === 0) {
    body = (
      <div className="state-panel state-panel--quiet" data-testid="life-events-empty">
        <p className="state-body">{t('search:lifeEvents.empty')}</p>
      </div>
    );
  } else if (elder) {
    // 长辈版: one bundle a page (a card is a screenful at that size), with its one "一次申请"; the
    // matters' guides are reached through 搜索事项 instead of a button per matter.
    body = (
      <ChoicePages
        className="life-events"
        items={events.value}
        keyOf={(event) => event.id}
        maxPerPage={1}
        render={(event) => <LifeEventCard event={event} onApply={onApply} onOpenMatter={null} />}
      />
    );
  } else {
    body = (
      <ScrollPager className="life-events-scroll" label={t('search:lifeEvents.title')}>
        <ul className="life-events">
          {events.value.map((event) => (
            <li key={event.id}>
              <LifeEventCard event={event} onApply={onApply} onOpenMatter={onOpenMatter} />
            </li>
          ))}
        </ul>
      </ScrollPager>
    );
  }

  return (
    <section className="screen life-events-screen" data-testid="life-events-screen" aria-labelledby="life-events-title">
      <h1 id="life-events-title" className="screen-title" data-speech="title">
        {t('search:lifeEvents.title')}
      </h1>
      <p className="screen-subtitle" data-speech="hint">
        {t('search:lifeEvents.subtitle')}
      </p>
      {body}
    </section>
  );
}

function LifeEventCard({
  event,
  onApply,
  onOpenMatter,
}: {
  event: LifeEventView;
  onApply: (matterCodes: readonly string[], lifeEventId: string) => void;
  /** Null in 长辈版: the matters are listed without a guide button each. */
  onOpenMatter: ((code: string) => void) | null;
}) {
  const { t } = useT();
  const { selfServiceSubmission } = useJourneyAvailability();
  const windowOnly = event.matters.filter((matter) => !matter.selfService);
  const canApply = windowOnly.length === 0 && selfServiceSubmission;
  const titleId = `life-event-${event.id}`;
  return (
    <article className="life-event" data-testid="life-event" data-id={event.id} aria-labelledby={titleId}>
      <h2 id={titleId} className="life-event-name">
        {event.name}
      </h2>
      <p className="life-event-description">{event.description}</p>
      <p className="life-event-count">{t('search:lifeEvents.mattersLabel', { count: event.matters.length })}</p>
      <ul className="life-event-matters">
        {event.matters.map((matter) => (
          <li
            key={matter.code}
            className="life-event-matter"
            data-testid="life-event-matter"
            data-code={matter.code}
            data-self-service={matter.selfService}
          >
            <span className="life-event-matter-name">{matter.name}</span>
            <span className={matter.selfService ? 'guide-flag guide-flag--yes' : 'guide-flag'}>
              {matter.selfService ? t('search:lifeEvents.selfService') : t('search:lifeEvents.needsWindow')}
            </span>
            {onOpenMatter && (
              <button type="button" className="button" onClick={() => onOpenMatter(matter.code)}>
                {t('search:lifeEvents.openGuide')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {windowOnly.length > 0 && (
        <p className="life-event-note" data-testid="life-event-window">
          {t('search:lifeEvents.partlyWindow', {
            names: windowOnly.map((matter) => matter.name).join(t('search:lifeEvents.separator')),
          })}
        </p>
      )}
      {windowOnly.length === 0 && !selfServiceSubmission && (
        <p className="life-event-note" data-testid="life-event-unavailable">
          {t('search:lifeEvents.applyUnavailable')}
        </p>
      )}
      {windowOnly.length === 0 && (
        <button
          type="button"
          className="button button--primary"
          data-testid="life-event-apply"
          disabled={!canApply}
          onClick={() =>
            onApply(
              event.matters.map((matter) => matter.code),
              event.id,
            )
          }
        >
          {t('search:lifeEvents.apply')}
        </button>
      )}
    </article>
  );
}
