import type { RatingOptionSet } from '../../../../platform/contract/ratings';
import type { RatingLevel } from '../../../../platform/contract/ratings';
import { useT } from '../../i18n/use-t';

/** The options the platform published for the chosen level only, as chips to toggle. */
export function OptionChips({
  options,
  level,
  chosen,
  onToggle,
}: {
  options: RatingOptionSet;
  level: RatingLevel;
  chosen: readonly string[];
  onToggle: (code: string) => void;
}) {
  const { t } = useT();
  const forLevel = options.levels.find((entry) => entry.level === level);
  if (!forLevel) return null;
  return (
    <fieldset className="rating-options" data-testid="rating-options" data-level={level}>
      <legend className="rating-section-title">{t('rating:optionsTitle')}</legend>
      <div className="care-chips">
        {forLevel.options.map((option) => (
          <button
            key={option.code}
            type="button"
            className="care-chip"
            data-testid="rating-option"
            data-code={option.code}
            aria-pressed={chosen.includes(option.code)}
            onClick={() => onToggle(option.code)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
