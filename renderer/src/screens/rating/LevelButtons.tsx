import { RATING_LEVEL_LABELS, type RatingLevel } from '../../../../platform/contract/ratings';
import { useT } from '../../i18n/use-t';

/** 5 非常满意 first, 1 非常不满意 last: the order of the national rules and of the keypad. */
export const LEVELS: readonly RatingLevel[] = [5, 4, 3, 2, 1];

const STAR_POSITIONS = [1, 2, 3, 4, 5] as const;

function Stars({ count }: { count: RatingLevel }) {
  return (
    <span className="rating-stars" aria-hidden="true">
      {STAR_POSITIONS.map((position) => (
        <svg key={position} viewBox="0 0 24 24" className={position <= count ? 'star star--on' : 'star'}>
          <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
        </svg>
      ))}
    </span>
  );
}

/**
 * The five levels as large buttons, in the national wording (it is not translated; other
 * languages add a gloss). None is chosen until the resident (or the keypad) chooses one.
 */
export function LevelButtons({
  level,
  onChoose,
}: {
  level: RatingLevel | null;
  onChoose: (level: RatingLevel) => void;
}) {
  const { t, i18n } = useT();
  const gloss = !i18n.language.startsWith('zh');
  return (
    <div className="rating-levels" role="group" aria-label={t('rating:levelsLabel')} data-testid="rating-levels">
      {LEVELS.map((candidate) => (
        <button
          key={candidate}
          type="button"
          className="rating-level"
          data-testid="rating-level"
          data-level={candidate}
          data-bad={candidate <= 2 || undefined}
          aria-pressed={level === candidate}
          onClick={() => onChoose(candidate)}
        >
          <Stars count={candidate} />
          <span className="rating-level-label">{RATING_LEVEL_LABELS[candidate]}</span>
          {gloss && <span className="rating-level-gloss">{t(`rating:levelGloss.${candidate}`)}</span>}
        </button>
      ))}
    </div>
  );
}
