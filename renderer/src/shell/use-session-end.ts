import { useEffect, useRef } from 'react';
import { useClient } from '../api/api-context';
import type { ShellScreen } from './shell-machine';

/**
 * Tells core the resident session is over whenever the kiosk goes back to the attract screen
 * (idle reset, 退出) or a technician takes over, so card data and captured pages are wiped there
 * too, not only in the renderer (reliability.md §3.4).
 */
export function useSessionEnd(screen: ShellScreen): void {
  const client = useClient();
  const previous = useRef<ShellScreen>(screen);
  useEffect(() => {
    const before = previous.current;
    previous.current = screen;
    if (before === screen) return;
    const ended = screen === 'attract' || (screen === 'technicianPin' && before !== 'technician');
    if (ended) void client.call('session.end', {});
  }, [client, screen]);
}
