import { useMachine } from '@xstate/react';
import { useEffect, useMemo, useState } from 'react';
import type { ServiceMap } from '../../../../core/api/care';
import { useClient } from '../../api/api-context';
import { apiPart } from '../../api/api-part';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useElder } from '../../components/ChoicePages';
import { UiIcon } from '../../components/icons/UiIcon';
import { useT } from '../../i18n/use-t';
import { useStepBack } from '../../shell/step-back';
import { Loading } from '../../states/Loading';
import { distanceKm, type LatLng } from './map-projection';
import { MapDrawing } from './MapDrawing';
import { PointDetails } from './PointDetails';
import { PointList } from './PointList';
import { LegendSymbol, POINT_KINDS } from './PointSymbol';
import { createServiceMapMachine, serviceMapMethods } from './service-map-machine';
import './service-map.css';

/** "You are here": the listed point this kiosk stands at, else the station's configured location. */
function hereOf(map: ServiceMap, station: LatLng): LatLng {
  const point = map.servicePoints.find((candidate) => candidate.id === map.herePointId);
  return point ? point.location : station;
}

function Legend() {
  const { t } = useT();
  return (
    <ul className="map-legend" data-testid="map-legend">
      <li>
        <svg viewBox="-16 -16 32 32" className="map-symbol" aria-hidden="true">
          <circle r="12" className="map-here-halo" />
          <circle r="5" className="map-here-dot" />
        </svg>
        {t('map:here')}
      </li>
      {POINT_KINDS.map((kind) => (
        <li key={kind}>
          <LegendSymbol kind={kind} />
          {t(`map:kind.${kind}`)}
        </li>
      ))}
    </ul>
  );
}

/** 政务服务地图, drawn offline from the service points: the map, a list beside it, one point's details. */
export function ServiceMapJourney({
  onExit,
  onBook,
}: {
  onExit: () => void;
  onBook: (servicePointId: string) => void;
}) {
  const { t } = useT();
  const client = useClient();
  const { station } = useKioskInfo();
  const elder = useElder();
  const [machine] = useState(() => createServiceMapMachine(apiPart(client, serviceMapMethods)));
  const [state, send] = useMachine(machine);

  const done = state.status === 'done';
  useEffect(() => {
    if (done) onExit();
  }, [done, onExit]);

  const { map, selectedId, failure } = state.context;
  useStepBack(selectedId === null ? null : () => send({ type: 'CLOSE_DETAILS' }));
  const view = useMemo(() => {
    if (!map) return null;
    const here = hereOf(map, station.location);
    const distances = new Map(map.servicePoints.map((point) => [point.id, distanceKm(here, point.location)]));
    const sorted = [...map.servicePoints].sort((a, b) => (distances.get(a.id) ?? 0) - (distances.get(b.id) ?? 0));
    const numbers = new Map(sorted.map((point, index) => [point.id, index + 1]));
    return { here, distances, sorted, numbers };
  }, [map, station.location]);

  let body;
  if (state.matches('unavailable')) {
    body = (
      <div className="state-panel" role="alert" data-testid="map-unavailable" data-failure={failure}>
        <UiIcon name="info" size={72} />
        <p className="state-body" data-speech="hint">
          {t(`map:unavailable.${failure ?? 'failed'}`)}
        </p>
        <div className="state-actions">
          <button type="button" className="button button--primary" onClick={() => send({ type: 'RETRY' })}>
            {t('retry')}
          </button>
        </div>
      </div>
    );
  } else if (!map || !view) {
    body = <Loading />;
  } else {
    const selected = map.servicePoints.find((point) => point.id === selectedId) ?? null;
    body = selected ? (
      // A point's details take the whole screen, not the strip left under the map; the bar's 返回
      // goes back to the map and its list (useStepBack above).
      // It scrolls when the details are long (长辈版): focusable, so a keyboard can scroll it too.
      <div className="map-details-panel" tabIndex={0} role="region" aria-label={selected.name}>
        <PointDetails
          point={selected}
          distanceKm={view.distances.get(selected.id) ?? 0}
          onBook={() => onBook(selected.id)}
        />
      </div>
    ) : (
      // 长辈版 puts the list (or the chosen point) first and the map after it as a picture.
      <div className={elder ? 'map-layout map-layout--elder' : 'map-layout'}>
        <div className="map-canvas">
          <MapDrawing
            here={view.here}
            points={map.servicePoints}
            numbers={view.numbers}
            selectedId={selectedId}
            onSelect={elder ? null : (id) => send({ type: 'SELECT', id })}
          />
          <Legend />
        </div>
        <div className="map-side">
          <PointList
            points={view.sorted}
            numbers={view.numbers}
            distances={view.distances}
            onSelect={(id) => send({ type: 'SELECT', id })}
          />
        </div>
      </div>
    );
  }

  return (
    <section
      className="screen service-map"
      data-testid="map-screen"
      aria-labelledby="map-title"
      onPointerDown={() => send({ type: 'ACTIVITY' })}
    >
      <header className="screen-heading">
        <h1 id="map-title" className="screen-title" data-speech="title">
          {t('map:title')}
        </h1>
        {/* With a point open, what to know is that point (its open-now line is the hint); 长辈版
            drops the subtitle there, since the list it points to is not on screen. */}
        {(!selectedId || !elder) && (
          <p className="screen-subtitle" data-speech={selectedId ? undefined : 'hint'}>
            {elder ? t('map:subtitleElder') : t('map:subtitle')}
          </p>
        )}
      </header>
      {map?.source === 'cache' && (
        <p className="notice" data-testid="map-from-cache">
          {t('map:fromCache', { date: map.publishedAt.slice(0, 10) })}
        </p>
      )}
      {map?.isSample && (
        <p className="notice" data-testid="map-sample">
          {t('map:sample')}
        </p>
      )}
      {body}
    </section>
  );
}
