import type { AlarmConfig } from './config';
import type { SilenceRuleId } from './rules';
import type { EpochMs, KioskRecord } from './state';

/** When each silence rule starts holding if no heartbeat arrives from the kiosk's last one. */
export function silenceDeadline(kiosk: KioskRecord, ruleId: SilenceRuleId, config: AlarmConfig): EpochMs {
  const silentFor =
    ruleId === 'offline'
      ? config.offlineAfterMissedHeartbeats * kiosk.intervalSeconds * 1000
      : config.missingAfterDays * 86_400_000;
  return kiosk.lastHeartbeatAt + silentFor;
}
