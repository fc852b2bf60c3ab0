import { useT } from '../../i18n/use-t';
import { PhonePad } from '../../components/keypad/PhonePad';
import { HELP_NEEDS, type HelpForm, type HelpFormProblem } from './help-form';
import type { HelpEvent } from './help-machine';
import { AddressEntry, DayChips, KindTiles, NeedChip, TimeChips } from './help-choices';
import { HelpProblems } from './HelpProblems';

/** The one help screen (standard mode): three big choices, what each needs, why help is needed, 提交. */
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
  return (
    <div className="help-form" data-testid="help-form">
      <KindTiles form={form} onChoose={(kind) => send({ type: 'SET_KIND', kind })} />

      {form.kind === 'callback' && (
        <fieldset className="help-field">
          <legend className="help-section-title">{t('help:time.label')}</legend>
          <TimeChips form={form} onChoose={(preferredTime) => send({ type: 'SET_TIME', preferredTime })} />
        </fieldset>
      )}

      {form.kind === 'homeVisit' && (
        <>
          <div className="help-field">
            <AddressEntry value={form.address} onChange={(address) => send({ type: 'SET_ADDRESS', address })} />
          </div>
          <fieldset className="help-field">
            <legend className="help-section-title">{t('help:day.label')}</legend>
            <DayChips form={form} onChoose={(preferredDate) => send({ type: 'SET_DATE', preferredDate })} />
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
            <NeedChip key={need} form={form} need={need} onToggle={() => send({ type: 'TOGGLE_NEED', need })} />
          ))}
        </div>
      </fieldset>

      <HelpProblems problems={problems} />

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
