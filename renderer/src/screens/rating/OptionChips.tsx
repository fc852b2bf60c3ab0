import type { RatingLevel, RatingOption, RatingOptionSet } from '../../../../platform/contract/ratings';
import { useT } from '../../i18n/use-t';
import '../../components/choice-chips.css';

/** The options the platform published for one level (none before a level is chosen). */
export function optionsForLevel(options: RatingOptionSet, level: RatingLevel | null): readonly RatingOption[] {
  return options.levels.find((entry) => entry.level === level)?.options ?? [];
}

/** One option as a chip to toggle. */
export function OptionChip({
  option,
  chosen,
  onToggle,
}: {
  option: RatingOption;
  chosen: boolean;
  onToggle: (code: string) => void;
}) {
  return (
    <button
      type="button"
      className="care-chip rating-option"
      data-testid="rating-option"
      data-code={option.code}
      aria-pressed={chosen}
      onClick={() => onToggle(option.code)}
    >
      {option.label}
    </button>
  );
}

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
  const forLevel = optionsForLevel(options, level);
  if (forLevel.length === 0) return null;
  return (
    <fieldset className="rating-options" data-testid="rating-options" data-level={level}>
      <legend className="rating-section-title" data-speech="hint">
        {t('rating:optionsTitle')}
      </legend>
      <div className="rating-chips">
        {forLevel.map((option) => (
          <OptionChip key={option.code} option={option} chosen={chosen.includes(option.code)} onToggle={onToggle} />
        ))}
      </div>
    </fieldset>
  );
}
