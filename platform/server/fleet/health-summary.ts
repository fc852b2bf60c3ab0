import type { DeviceReport, Heartbeat } from '../../contract/terminals';
import type { DeviceHealth, HealthSummary } from './alarms';

/**
 * The contract's heartbeat as the alarm engine's HealthSummary, so the rules do not change when
 * the heartbeat gains fields. The device manager's actions map onto the engine's three:
 * `configuration` (the config names a wrong port or model) needs a technician like a repair,
 * `suspend` (recovering by itself) asks nothing of anyone yet.
 */
export function healthSummaryOf(heartbeat: Heartbeat): HealthSummary {
  return {
    devices: heartbeat.devices.map(deviceHealth),
    paperDaysLeft: heartbeat.paper?.daysLeft ?? null,
    outbox: { depth: heartbeat.outbox.pending, oldestAgeSeconds: heartbeat.outbox.oldestPendingAgeSeconds },
    catalogAgeSeconds: heartbeat.catalogAgeSeconds,
  };
}

function deviceHealth(device: DeviceReport): DeviceHealth {
  const action: DeviceHealth['action'] =
    device.action === 'configuration' ? 'maintenance' : device.action === 'suspend' ? 'none' : device.action;
  return { device: device.device, status: device.status, action };
}
