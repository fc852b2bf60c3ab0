import { useMemo, useState } from 'react';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { TextEntry } from '../../components/keypad/TextEntry';
import { useStationHours } from '../../api/use-station-hours';
import { useStationTime } from '../../api/use-station-time';
import { useT } from '../../i18n/use-t';
import type { KioskAssistanceKind as AssistanceKind } from '../../../../core/api/care';
import { nextOnDuty } from '../../../../core/api/station';
import { HELP_KINDS, PREFERRED_TIMES, type HelpForm, type HelpNeed, type PreferredTime } from './help-form';
import '../../components/choice-chips.css';

/**
 * The help form's choices, shared by the one-page form (standard) and 长辈版's one question per
 * step; each says what was chosen with aria-pressed and leaves what a choice does to the caller.
 */

/** Today and the next three days on the station's calendar, for a home visit's preferred day. */
const VISIT_DAYS = 4;

/**
 * The kinds of help. An agent at the station needs one on duty (station.staffedJourneys): out of
 * hours that tile says so and when they are next in, and cannot be chosen; the others can, and
 * are done when staff are back (the notice above the form and the slip say when).
 */
export function KindTiles({ form, onChoose }: { form: HelpForm; onChoose: (kind: AssistanceKind) => void }) {
  const { t } = useT();
  const time = useStationTime();
  const hours = useStationHours();
  const agentAway =
    hours !== null && hours.staffedJourneys.includes('agentAtStation') && hours.presence.state !== 'onDuty';
  const next = hours === null ? null : nextOnDuty(hours.presence);
  return (
    <div className="help-kinds" role="group" aria-label={t('help:kind.label')}>
      {HELP_KINDS.map((kind) => {
        const away = kind === 'agentAtStation' && agentAway;
        return (
          <button
            key={kind}
            type="button"
            className="tile help-kind"
            data-testid="help-kind"
            data-kind={kind}
            data-blocked={away ? 'offDuty' : undefined}
            disabled={away}
            aria-pressed={form.kind === kind}
            onClick={() => onChoose(kind)}
          >
            <span className="tile-text">
              <span className="tile-label">{t(`help:kind.${kind}.label`)}</span>
              <span className="tile-hint">
                {!away
                  ? t(`help:kind.${kind}.hint`)
                  : next
                    ? t('help:kind.agentAtStation.awayUntil', { when: time.when(next) })
                    : t('help:kind.agentAtStation.away')}
              </span>
            </span>
          </button>
        );
      })}
    </div>
  );
}

export function TimeChips({ form, onChoose }: { form: HelpForm; onChoose: (time: PreferredTime) => void }) {
  const { t } = useT();
  return (
    <div className="care-chips">
      {PREFERRED_TIMES.map((time) => (
        <button
          key={time}
          type="button"
          className="care-chip"
          data-testid="help-time"
          data-time={time}
          aria-pressed={form.preferredTime === time}
          onClick={() => onChoose(time)}
        >
          {t(`help:time.${time}`)}
        </button>
      ))}
    </div>
  );
}

export function DayChips({ form, onChoose }: { form: HelpForm; onChoose: (day: string | null) => void }) {
  const { t } = useT();
  const time = useStationTime();
  const [days] = useState(() => Array.from({ length: VISIT_DAYS }, (_, index) => time.dayAfter(index)));
  return (
    <div className="care-chips">
      <button
        type="button"
        className="care-chip"
        data-testid="help-day"
        data-day="any"
        aria-pressed={form.preferredDate === null}
        onClick={() => onChoose(null)}
      >
        {t('help:day.any')}
      </button>
      {days.map((day, index) => (
        <button
          key={day}
          type="button"
          className="care-chip"
          data-testid="help-day"
          data-day={day}
          aria-pressed={form.preferredDate === day}
          onClick={() => onChoose(day)}
        >
          {index === 0 ? t('help:day.today', { date: day.slice(5) }) : day.slice(5)}
        </button>
      ))}
    </div>
  );
}

export function NeedChip({ form, need, onToggle }: { form: HelpForm; need: HelpNeed; onToggle: () => void }) {
  const { t } = useT();
  return (
    <button
      type="button"
      className="care-chip"
      data-testid="help-need"
      data-need={need}
      aria-pressed={form.needs.includes(need)}
      onClick={onToggle}
    >
      {t(`help:needs.${need}`)}
    </button>
  );
}

/**
 * The home-visit address, typed on our pinyin keyboard; the station's own county, town and village
 * are offered as words, since most addresses start with one of them.
 */
export function AddressEntry({ value, onChange }: { value: string; onChange: (address: string) => void }) {
  const { t } = useT();
  const { region } = useKioskInfo().station;
  const vocabulary = useMemo(() => [region.county, region.town, region.village], [region]);
  return (
    <TextEntry
      kind="text"
      testId="help-address"
      label={t('help:address.label')}
      maxLength={200}
      value={value}
      onChange={onChange}
      vocabulary={vocabulary}
    />
  );
}
