import type { MyCases } from '../../../../core/api/care';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useT } from '../../i18n/use-t';
import { ChoicePages as ElderChoicePages, useElder } from '../../components/ChoicePages';
import { ChoicePages } from '../../journey/ChoicePages';
import { useStationTime } from '../../api/use-station-time';
import '../../journey/journeys.css';

type Row =
  | { readonly kind: 'case'; readonly item: MyCases['cases'][number] }
  | { readonly kind: 'pending'; readonly item: MyCases['pendingHere'][number] };

/** The signed-in resident's cases, and applications saved here that the platform has not yet. */
export function MyCasesList({ mine, onOpen }: { mine: MyCases; onOpen: (reference: string) => void }) {
  const { t } = useT();
  const { station } = useKioskInfo();
  const time = useStationTime();
  const elder = useElder();
  const rows: Row[] = [
    ...mine.pendingHere.map((item) => ({ kind: 'pending' as const, item })),
    ...mine.cases.map((item) => ({ kind: 'case' as const, item })),
  ];
  const keyOf = (row: Row) => (row.kind === 'case' ? row.item.caseNo : row.item.localRef);
  const renderRow = (row: Row) =>
    row.kind === 'case' ? (
      <button
        type="button"
        className="tile journey-tile"
        data-case={row.item.caseNo}
        onClick={() => onOpen(row.item.caseNo)}
      >
        <span className="tile-text">
          <span className="tile-label">{row.item.matter.matterName}</span>
          <span className="tile-hint">
            {row.item.stateName}
            {row.item.promisedBy && ` · ${t('progress:mine.promised', { date: time.day(row.item.promisedBy) })}`}
          </span>
          {row.item.state === 'readyForPickup' && (
            <span className="progress-ready">{t('progress:mine.readyForPickup')}</span>
          )}
        </span>
        <span className="tile-count">{t('progress:mine.open')}</span>
      </button>
    ) : (
      <button
        type="button"
        className="tile journey-tile"
        data-local-ref={row.item.localRef}
        onClick={() => onOpen(row.item.localRef)}
      >
        <span className="tile-text">
          <span className="tile-label">{row.item.matterName}</span>
          <span className="tile-hint journey-tile-blocked">{t('progress:mine.pendingHere')}</span>
          <span className="tile-hint">
            {t('progress:detail.submittedAt', { time: time.dayTime(row.item.submittedAt) })}
          </span>
        </span>
      </button>
    );
  return (
    <div className="journey-step" data-testid="progress-mine">
      <h2 className="journey-step-title" data-speech="title">
        {t('progress:mine.title')}
      </h2>
      {mine.platform === 'unreachable' && (
        <p className="journey-banner" role="status" data-testid="progress-unreachable">
          {t('progress:unreachable', { hotline: station.hotline })}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="state-body" data-speech="hint">
          {t('progress:mine.none')}
        </p>
      ) : (
        <>
          <p className="journey-note" data-speech="hint">
            {t('progress:mine.hint')}
          </p>
          {elder ? (
            // 长辈版: pages sized so the list, its page buttons and 返回 stay within six choices.
            <ElderChoicePages
              testId="progress-cases"
              className="journey-choice-grid"
              items={rows}
              keyOf={keyOf}
              render={renderRow}
              otherChoices={1}
            />
          ) : (
            <ChoicePages testId="progress-cases" items={rows} keyOf={keyOf} render={renderRow} />
          )}
        </>
      )}
    </div>
  );
}
