import { useT } from '../../i18n/use-t';
import type { ServiceKind } from '../../../../platform/contract/catalog';
import { KindIcon } from '../../components/icons/KindIcon';
import { Words } from '../../components/words/Words';

export function KindTile({
  kind,
  label,
  hint,
  count,
  onChoose,
}: {
  kind: ServiceKind | 'all';
  label: string;
  hint: string;
  count: number;
  onChoose: () => void;
}) {
  const { t } = useT();
  return (
    <button
      type="button"
      className={kind === 'all' ? 'tile kind-tile kind-tile--all' : 'tile kind-tile'}
      data-testid="kind-tile"
      data-kind={kind}
      disabled={count === 0}
      onClick={onChoose}
    >
      <span className="tile-icon">
        <KindIcon kind={kind} />
      </span>
      <span className="tile-text">
        <span className="tile-label">{label}</span>
        <span className="tile-hint">
          <Words text={hint} />
        </span>
      </span>
      <span className="tile-count">{t('matter.count', { count })}</span>
    </button>
  );
}
