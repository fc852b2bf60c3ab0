import { useT } from '../../i18n/use-t';
import { ThemeIcon } from '../../components/icons/ThemeIcon';
import { Words } from '../../components/words/Words';

export function ThemeTile({
  themeId,
  name,
  count,
  onChoose,
}: {
  themeId: string;
  name: string;
  count: number;
  onChoose: () => void;
}) {
  const { t } = useT();
  return (
    <button type="button" className="tile theme-tile" data-testid="theme-tile" data-theme={themeId} onClick={onChoose}>
      <span className="tile-icon">
        <ThemeIcon themeId={themeId} />
      </span>
      <span className="tile-label">
        <Words text={name} />
      </span>
      <span className="tile-count">{t('matter.count', { count })}</span>
    </button>
  );
}
