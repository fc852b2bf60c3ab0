import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { chinaDateAfter } from '../../format/china-time';
import { HELP_KINDS, HELP_NEEDS, PREFERRED_TIMES, type HelpForm, type HelpFormProblem } from './help-form';
import type { HelpEvent } from './help-machine';
import { PhonePad } from '../../components/keypad/PhonePad';

/** Today and the next three China days, for a home visit's preferred day. */
const VISIT_DAYS = 4;

/** The one help screen: three big choices, what each needs, why help is needed, 提交. */
export function HelpFormView({
  form,
  problems,
  sending,
  send,
}: {
  form: HelpForm;
  problems: readonly HelpFormProblem[];
  sending: boolean;
  send: (event: HelpEvent) => void;
}) {
  const { t } = useT();
  const [days] = useState(() =>
    Array.from({ length: VISIT_DAYS }, (_, index) => chinaDateAfter(new Date(), index).date),
  );
  return (
    <div className="help-form" data-testid="help-form">
      <div className="help-kinds" role="group" aria-label={t('help:kind.label')}>
        {HELP_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="tile help-kind"
            data-testid="help-kind"
            data-kind={kind}
            aria-pressed={form.kind === kind}
            onClick={() => send({ type: 'SET_KIND', kind })}
          >
            <span className="tile-text">
              <span className="tile-label">{t(`help:kind.${kind}.label`)}</span>
              <span className="tile-hint">{t(`help:kind.${kind}.hint`)}</span>
            </span>
          </button>
        ))}
      </div>

      {form.kind === 'callback' && (
        <fieldset className="help-field">
          <legend className="help-section-title">{t('help:time.label')}</legend>
          <div className="care-chips">
            {PREFERRED_TIMES.map((time) => (
              <button
                key={time}
                type="button"
                className="care-chip"
                data-testid="help-time"
                data-time={time}
                aria-pressed={form.preferredTime === time}
                onClick={() => send({ type: 'SET_TIME', preferredTime: time })}
              >
                {t(`help:time.${time}`)}
              </button>
            ))}
          </div>
        </fieldset>
      )}

      {form.kind === 'homeVisit' && (
        <>
          <label className="help-field">
            <span className="help-section-title">{t('help:address.label')}</span>
            <input
              className="care-input"
              data-testid="help-address"
              maxLength={200}
              value={form.address}
              onChange={(event) => send({ type: 'SET_ADDRESS', address: event.target.value })}
            />
          </label>
          <fieldset className="help-field">
            <legend className="help-section-title">{t('help:day.label')}</legend>
            <div className="care-chips">
              <button
                type="button"
                className="care-chip"
                data-testid="help-day"
                data-day="any"
                aria-pressed={form.preferredDate === null}
                onClick={() => send({ type: 'SET_DATE', preferredDate: null })}
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
                  onClick={() => send({ type: 'SET_DATE', preferredDate: day })}
                >
                  {index === 0 ? t('help:day.today', { date: day.slice(5) }) : day.slice(5)}
                </button>
              ))}
            </div>
          </fieldset>
        </>
      )}

      {form.kind !== null && (
        <PhonePad
          label={form.kind === 'agentAtStation' ? t('help:phone.optional') : t('help:phone.required')}
          value={form.phone}
          onChange={(phone) => send({ type: 'SET_PHONE', phone })}
          testId="help-phone"
        />
      )}

      <fieldset className="help-field">
        <legend className="help-section-title">{t('help:needs.label')}</legend>
        <div className="care-chips">
          {HELP_NEEDS.map((need) => (
            <button
              key={need}
              type="button"
              className="care-chip"
              data-testid="help-need"
              data-need={need}
              aria-pressed={form.needs.includes(need)}
              onClick={() => send({ type: 'TOGGLE_NEED', need })}
            >
              {t(`help:needs.${need}`)}
            </button>
          ))}
        </div>
      </fieldset>

      {problems.length > 0 && (
        <ul className="help-problems" role="alert" data-testid="help-problems">
          {problems.map((problem) => (
            <li key={problem} data-problem={problem}>
              {t(`help:problems.${problem}`)}
            </li>
          ))}
        </ul>
      )}

      <button
        type="button"
        className="button button--primary help-submit"
        data-testid="help-submit"
        disabled={sending}
        onClick={() => send({ type: 'SUBMIT' })}
      >
        {sending ? t('help:submitting') : t('help:submit')}
      </button>
    </div>
  );
}
