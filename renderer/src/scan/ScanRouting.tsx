import type { JourneyKind } from '../shell/journeys';
import type { ShellEvent, ShellScreen } from '../shell/shell-machine';
import { useScanClaims } from './scan-claim';
import { ScanNoticeBanner } from './ScanNoticeBanner';
import { useScanRouting } from './use-scan-routing';

/**
 * The QR scanner on every resident screen: the screen shown may claim a read first
 * (useScanClaim); otherwise the read opens what it is for, or a plain message says why not.
 */
export function ScanRouting({
  screen,
  journey,
  send,
}: {
  screen: ShellScreen;
  journey: JourneyKind | null;
  send: (event: ShellEvent) => void;
}) {
  const claims = useScanClaims();
  const scan = useScanRouting({ screen, journey, send, claims });
  const technician = screen === 'technicianPin' || screen === 'technician';
  return scan.notice && !technician ? <ScanNoticeBanner notice={scan.notice} onClose={scan.dismiss} /> : null;
}
