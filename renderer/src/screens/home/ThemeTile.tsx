import { useT } from '../../i18n/use-t';
import { ThemeIcon } from '../../components/icons/ThemeIcon';

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
      <span className="tile-label">{name}</span>
      <span className="tile-count">{t('matter.count', { count })}</span>
    </button>
  );
}
