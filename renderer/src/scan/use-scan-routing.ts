import { useEffect, useRef, useState } from 'react';
import { useClient } from '../api/api-context';
import type { JourneyKind } from '../shell/journeys';
import type { ShellEvent, ShellScreen } from '../shell/shell-machine';
import type { ScanClaims } from './scan-claim';
import { scanReaction, type ScanNotice } from './scan-reaction';

/** How long a scan's message stays unless the resident closes it. */
export const SCAN_NOTICE_MS = 10_000;

/**
 * Listens to the QR scanner (`scanner.scanned`, already classified by core) wherever the resident
 * is: the shown screen's claim first, then scanReaction. Returns the message to show, if any.
 */
export function useScanRouting(options: {
  readonly screen: ShellScreen;
  readonly journey: JourneyKind | null;
  readonly send: (event: ShellEvent) => void;
  readonly claims: ScanClaims;
}): { notice: ScanNotice | null; dismiss: () => void } {
  const client = useClient();
  const [notice, setNotice] = useState<{ notice: ScanNotice; at: number } | null>(null);
  const where = useRef(options);
  useEffect(() => {
    where.current = options;
  });

  useEffect(
    () =>
      client.on('scanner.scanned', (code) => {
        const { screen, journey, send, claims } = where.current;
        if (claims.offer(code)) {
          setNotice(null);
          return;
        }
        const reaction = scanReaction(code, { screen, journey });
        switch (reaction.kind) {
          case 'ignore':
            return;
          case 'notice':
            send({ type: 'ACTIVITY' });
            setNotice({ notice: reaction.notice, at: Date.now() });
            return;
          case 'open':
            setNotice(null);
            if (screen === 'attract') send({ type: 'START' });
            send({ type: 'ACTIVITY' });
            send({ type: 'OPEN_JOURNEY', journey: reaction.journey });
        }
      }),
    [client],
  );

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), SCAN_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return { notice: notice?.notice ?? null, dismiss: () => setNotice(null) };
}
