import type { ServicePoint } from '../../../../platform/contract/service-points';
import { useStationNow, useStationTime } from '../../api/use-station-time';
import { UiIcon } from '../../components/icons/UiIcon';
import { useT } from '../../i18n/use-t';
import { distanceParts } from './format-distance';
import { openState, weekdayRuns } from './opening-hours';

const MINUTE = 60_000;

function Days({ days }: { days: readonly number[] }) {
  const { t } = useT();
  return (
    <>
      {weekdayRuns(days)
        .map(([from, to]) =>
          from === to
            ? t(`map:weekday.${from}`)
            : t('map:weekdayRange', { from: t(`map:weekday.${from}`), to: t(`map:weekday.${to}`) }),
        )
        .join(t('map:listSeparator'))}
    </>
  );
}

function OpenNow({ point }: { point: ServicePoint }) {
  const { t } = useT();
  const state = openState(point, useStationNow(MINUTE), useStationTime().zone);
  switch (state.kind) {
    case 'open24h':
      return (
        <span className="map-open map-open--yes" data-speech="hint">
          {t('map:open24h')}
        </span>
      );
    case 'open':
      return (
        <span className="map-open map-open--yes" data-speech="hint">
          {t('map:openUntil', { time: state.closes })}
        </span>
      );
    case 'closed':
      return (
        <span className="map-open map-open--no" data-speech="hint">
          {!state.next
            ? t('map:closed')
            : state.next.today
              ? t('map:closedOpensToday', { time: state.next.opens })
              : t('map:closedOpensOn', { day: t(`map:weekday.${state.next.weekday}`), time: state.next.opens })}
        </span>
      );
  }
}

/**
 * One service point: where, how far, open now, hours, phone, what can be done there, 预约. Voice
 * mode says its name and whether it is open now (a service point's phone is not a person's).
 */
export function PointDetails({
  point,
  distanceKm,
  onBook,
}: {
  point: ServicePoint;
  distanceKm: number;
  onBook: () => void;
}) {
  const { t } = useT();
  const distance = distanceParts(distanceKm);
  // 预约 under the name, where it shows without scrolling; the way back is the bar's 返回.
  const actions = point.bookable && (
    <div className="map-details-actions">
      <button type="button" className="button button--primary" data-testid="map-book" onClick={onBook}>
        <UiIcon name="clock" />
        {t('map:book')}
      </button>
    </div>
  );
  return (
    <article className="map-details" data-testid="map-details" data-id={point.id} aria-labelledby="map-details-title">
      <p className="map-details-kind">{t(`map:kind.${point.kind}`)}</p>
      <h2 id="map-details-title" className="map-details-title" data-speech="title">
        {point.name}
      </h2>
      {actions}
      <dl className="map-facts">
        <dt>{t('map:address')}</dt>
        <dd>{point.address}</dd>
        <dt>{t('map:distance')}</dt>
        <dd data-testid="map-distance">{t(`map:distanceIn.${distance.unit}`, { value: distance.value })}</dd>
        <dt>{t('map:hours')}</dt>
        <dd data-testid="map-open-now">
          <OpenNow point={point} />
          {point.openingHours.length > 0 && (
            <ul className="map-hours">
              {point.openingHours.map((period, index) => (
                <li key={index}>
                  <Days days={period.days} /> {period.opens}–{period.closes}
                </li>
              ))}
            </ul>
          )}
          {point.hoursNote && <p className="map-hours-note">{point.hoursNote}</p>}
        </dd>
        {point.phone && (
          <>
            <dt>{t('map:phone')}</dt>
            <dd className="phone-number">{point.phone}</dd>
          </>
        )}
        {point.services.length > 0 && (
          <>
            <dt>{t('map:services')}</dt>
            <dd>
              <ul className="map-services">
                {point.services.map((service) => (
                  <li key={service}>{service}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('map:facilities')}</dt>
        <dd className="map-facilities">
          <span data-testid="map-accessible">{point.accessible ? t('map:accessible') : t('map:notAccessible')}</span>
          <span>{point.selfServiceTerminal ? t('map:terminal') : t('map:noTerminal')}</span>
        </dd>
      </dl>
    </article>
  );
}
