import type { FormField } from '../../../../platform/contract/forms';
import { TextEntry } from '../../components/keypad/TextEntry';
import { useT } from '../../i18n/use-t';
import type { FillSource } from './apply-machine';

export interface FieldInputProps {
  readonly field: FormField;
  readonly value: string;
  readonly filledFrom: FillSource;
  readonly error: string | null;
  readonly onChange: (value: string) => void;
}

/** One question of the form: big choice buttons for a select, a text entry for everything else. */
export function FieldInput({ field, value, filledFrom, error, onChange }: FieldInputProps) {
  const { t } = useT();
  const label = field.required ? `${field.label}${t('apply:fieldRequired')}` : field.label;
  const note = filledFrom === 'none' ? (field.hint ?? null) : t(`apply:filledFrom.${filledFrom}`);
  if (field.kind === 'select') {
    return (
      <fieldset
        className="apply-choice"
        data-field={field.name}
        data-kind={field.kind}
        data-required={field.required}
        data-filled-from={filledFrom}
      >
        <legend className="text-entry-label">{label}</legend>
        {note !== null && <p className="text-entry-note">{note}</p>}
        <div className="apply-choice-options">
          {(field.options ?? []).map((option) => (
            <button
              key={option.value}
              type="button"
              className={option.value === value ? 'button button--primary' : 'button'}
              aria-pressed={option.value === value}
              onClick={() => onChange(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
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
      />
    </div>
  );
}
