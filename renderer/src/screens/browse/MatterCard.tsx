import { memo } from 'react';
import { useT } from '../../i18n/use-t';
import type { MatterSummary } from '../../../../core/api/contract';
import { ChannelList } from '../../components/ChannelList';
import { MatterBadges } from '../../components/MatterBadges';
import { UiIcon } from '../../components/icons/UiIcon';
import { Words } from '../../components/words/Words';

/**
 * One matter in the list; the whole card is the button that opens its guide. `withBadges` false
 * (长辈版) leaves the badges out so three cards fit a page; the guide shows them under its title.
 * Memoised, with `onOpen` taking the code, so a list the visit re-renders (a guide opened over it)
 * does not draw every card again.
 */
export const MatterCard = memo(function MatterCard({
  matter,
  onOpen,
  withBadges = true,
}: {
  matter: MatterSummary;
  onOpen: (code: string) => void;
  withBadges?: boolean;
}) {
  const { t } = useT();
  return (
    <button
      type="button"
      className="matter-card"
      data-testid="matter-item"
      data-code={matter.code}
      onClick={() => onOpen(matter.code)}
    >
      <span className="matter-card-name">
        <Words text={matter.name} />
      </span>
      {withBadges && <MatterBadges matter={matter} />}
      <span className="matter-card-foot">
        <ChannelList channels={matter.channels} />
        <span className={matter.hasGuide ? 'guide-flag guide-flag--yes' : 'guide-flag'} data-badge="guide">
          {matter.hasGuide && <UiIcon name="check" size={26} />}
          {matter.hasGuide ? t('matter.hasGuide') : t('matter.noGuide')}
        </span>
      </span>
      <span className="matter-card-go" aria-hidden="true">
        <UiIcon name="forward" size={36} />
      </span>
    </button>
  );
});
