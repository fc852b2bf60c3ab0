import { useT } from '../../i18n/use-t';
import { Handling } from '../../../../platform/contract/catalog';

/** Anqiu's three handling modes as one row of big toggle buttons, with 全部 first. */
export function HandlingFilter({
  value,
  onChange,
}: {
  value: Handling | null;
  onChange: (next: Handling | null) => void;
}) {
  const { t } = useT();
  const options: ReadonlyArray<{ value: Handling | null; label: string }> = [
    { value: null, label: t('browse:allHandlings') },
    ...Handling.options.map((handling) => ({ value: handling, label: t(`enums:handling.${handling}`) })),
  ];
  return (
    <div className="handling-filter" role="group" aria-labelledby="handling-filter-title" data-testid="handling-filter">
      <p id="handling-filter-title" className="handling-filter-title">
        {t('browse:handlingFilter')}
      </p>
      <div className="handling-filter-options">
        {options.map((option) => (
          <button
            key={option.value ?? 'all'}
            type="button"
            className="chip"
            aria-pressed={option.value === value}
            data-handling={option.value ?? 'all'}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}
