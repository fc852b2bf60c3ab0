import { useT } from '../i18n/use-t';
import type { Channel } from '../../../platform/contract/catalog';

/** What this kiosk offers for a matter, joined into one readable line. */
export function ChannelList({ channels }: { channels: readonly Channel[] }) {
  const { t } = useT();
  return (
    <span className="channels" data-badge="channels">
      {channels.map((channel) => t(`enums:channel.${channel}`)).join(' · ')}
    </span>
  );
}
