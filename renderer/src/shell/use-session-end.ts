import { useEffect, useRef } from 'react';
import { useClient } from '../api/api-context';
import type { ShellScreen } from './shell-machine';

/**
 * Tells core the resident session is over whenever the visit ends — the farewell after 完成 or
 * 结束办理, the attract screen after an idle reset — or a technician takes over, so card data and
 * captured pages are wiped there too, not only in the renderer (docs/privacy.md). Once per end:
 * the attract screen after the farewell ends nothing new.
 */
export function useSessionEnd(screen: ShellScreen): void {
  const client = useClient();
  const previous = useRef<ShellScreen>(screen);
  useEffect(() => {
    const before = previous.current;
    previous.current = screen;
    if (before === screen) return;
    const ended =
      screen === 'farewell' ||
      (screen === 'attract' && before !== 'farewell') ||
      (screen === 'technicianPin' && before !== 'technician');
    if (ended) void client.call('session.end', {});
  }, [client, screen]);
}
