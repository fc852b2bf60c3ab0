import type { FormField } from '../../../../platform/contract/forms';
import { ChoicePages } from '../../components/ChoicePages';
import { TextEntry } from '../../components/keypad/TextEntry';
import { useT } from '../../i18n/use-t';
import type { FillSource } from './apply-context';
import type { FieldProblem } from './form-check';

export interface FieldInputProps {
  readonly field: FormField;
  readonly value: string;
  readonly filledFrom: FillSource;
  /** What our own check found wrong with the value (shown), if anything. */
  readonly problem: FieldProblem | undefined;
  /** The platform refused this field when the application was sent. */
  readonly refused: boolean;
  readonly onChange: (value: string) => void;
  /**
   * 长辈版's one question per step: the label is the step's spoken title, and a select's options
   * are paged so that, with this many other controls on the screen, at most six choices show.
   */
  readonly asStep?: { readonly otherChoices: number };
}

/** One question of the form: big choice buttons for a select, a text entry for everything else. */
export function FieldInput({ field, value, filledFrom, problem, refused, onChange, asStep }: FieldInputProps) {
  const { t } = useT();
  const error =
    problem !== undefined ? t(`apply:fieldProblem.${problem}`) : refused ? t('apply:fieldProblem.refused') : null;
  const label = field.required ? `${field.label}${t('apply:fieldRequired')}` : field.label;
  const note = filledFrom === 'none' ? (field.hint ?? null) : t(`apply:filledFrom.${filledFrom}`);
  if (field.kind === 'select') {
    const options = field.options ?? [];
    const optionButton = (option: (typeof options)[number]) => (
      <button
        key={option.value}
        type="button"
        className={option.value === value ? 'button button--primary' : 'button'}
        aria-pressed={option.value === value}
        onClick={() => onChange(option.value)}
      >
        {option.label}
      </button>
    );
    return (
      <fieldset
        className="apply-choice"
        data-field={field.name}
        data-kind={field.kind}
        data-required={field.required}
        data-filled-from={filledFrom}
      >
        <legend className="text-entry-label" data-speech={asStep ? 'title' : undefined}>
          {label}
        </legend>
        {note !== null && <p className="text-entry-note">{note}</p>}
        {asStep ? (
          <ChoicePages
            items={options}
            keyOf={(option) => option.value}
            render={optionButton}
            otherChoices={asStep.otherChoices}
            className="apply-choice-options apply-choice-options--step"
            listLabel={field.label}
          />
        ) : (
          <div className="apply-choice-options">{options.map(optionButton)}</div>
        )}
        {error !== null && (
          <p className="keypad-message" role="alert">
            {error}
          </p>
        )}
      </fieldset>
    );
  }
  return (
    <div
      className="apply-field"
      data-field={field.name}
      data-kind={field.kind}
      data-required={field.required}
      data-filled-from={filledFrom}
    >
      <TextEntry
        label={label}
        name={field.name}
        value={value}
        onChange={onChange}
        kind={field.kind === 'idNumber' ? 'text' : field.kind}
        maxLength={field.maxLength}
        required={field.required}
        note={note}
        error={error}
        testId={`field-${field.name}`}
        labelIsTitle={asStep !== undefined}
      />
    </div>
  );
}
