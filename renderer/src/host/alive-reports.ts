import type { Client } from '../../../core/api/client';
import type { KioskContract } from '../../../core/api/contract';
import { HOST_ALIVE_EVERY_MS } from '../../../core/api/host';

export interface AliveTimers {
  setInterval(run: () => void, ms: number): number;
  clearInterval(handle: number): void;
}

/**
 * Tells the host, every few seconds, that this page is alive (host.alive). It runs on the page's
 * main thread on purpose: a page stuck in a loop, or a renderer that hung, stops reporting, and
 * the kiosk service then stops feeding systemd's watchdog (core/app/service-manager). A report
 * still on its way (link down, host busy) is not doubled; the answer is not looked at.
 */
export function startAliveReports(client: Pick<Client<KioskContract>, 'call'>, timers: AliveTimers): () => void {
  let inFlight = false;
  const report = () => {
    if (inFlight) return;
    inFlight = true;
    void client.call('host.alive', {}).finally(() => {
      inFlight = false;
    });
  };
  report();
  const handle = timers.setInterval(report, HOST_ALIVE_EVERY_MS);
  return () => timers.clearInterval(handle);
}
