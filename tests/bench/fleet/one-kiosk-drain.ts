import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { silentLogger } from '../../../core/logging/logger';
import { createDataSealer } from '../../../core/outbox/data-sealer';
import { startOutboxDelivery } from '../../../core/outbox/delivery';
import { enqueue } from '../../../core/outbox/outbox-store';
import type { PlatformProcess } from './platform-process';
import type { FleetKioskSpec, KioskWorld } from './simulated-kiosk';
import { callbackRequest } from './workload';

/**
 * One kiosk's outbox drain on loopback (the goal: ≥ 500 items/s): `items` help requests
 * queued while the platform is down, then the platform comes back and the kiosk's real delivery
 * sends them, oldest first, one at a time, each with its own Idempotency-Key. Timed from the
 * first kick to the last answer; the platform process and its database are the fleet run's.
 */
export async function measureOneKioskDrain(
  platform: PlatformProcess,
  spec: FleetKioskSpec,
  world: KioskWorld,
  items: number,
): Promise<number> {
  const db = new Database(world.storeImage);
  const sealer = createDataSealer(randomBytes(32));
  await platform.stop();
  for (let i = 0; i < items; i++) {
    enqueue(db, sealer, {
      kind: 'assistance',
      operation: 'createAssistanceRequest',
      body: callbackRequest(spec.stationId, world.now()),
    });
  }
  await platform.start();
  const outbox = startOutboxDelivery({
    db,
    platform: { baseUrl: platform.baseUrl(), token: spec.token, timeoutMs: 5_000 },
    sealer,
    logger: silentLogger(),
    now: () => new Date(),
  });
  try {
    const started = performance.now();
    while (outbox.summary().pending > 0) {
      await outbox.kick();
      const left = outbox.summary();
      if (left.pending > 0 && left.deadLetters === 0 && performance.now() - started > 120_000) {
        throw new Error(`one-kiosk drain: ${left.pending} items still pending after 2 minutes`);
      }
      if (left.deadLetters > 0) throw new Error(`one-kiosk drain: ${left.deadLetters} items refused by the platform`);
    }
    return (items * 1000) / (performance.now() - started);
  } finally {
    await outbox.stop();
    db.close();
  }
}
