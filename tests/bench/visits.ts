import { idCardFixtures, maskCard } from '../../drivers/idcard';
import type { IdCard } from '../../drivers/idcard/card';
import { startTicketRangeKeeper } from '../../core/queue/ticket-range-keeper';
import { createTestCore } from '../helpers/test-core';
import type { KioskContract } from '../../core/api/contract';
import type { MethodName } from '../../core/api/types';

/**
 * A kiosk core (every handler behind the real dispatcher, fake devices, in-memory store) talking
 * to a reference platform over HTTP, and one resident's visit through its API as the renderer
 * calls it: for the outbox drain and the soak benchmarks.
 */
export const BENCH_PLATFORM_TOKEN = 'bench-terminal-token-0123456789';

const CARDS: readonly IdCard[] = [
  idCardFixtures.womanResident,
  idCardFixtures.elderlyResident,
  idCardFixtures.youngResident,
];
const ctx = { host: 'test' as const, requestId: 'bench' };
type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export type BenchKiosk = Awaited<ReturnType<typeof startBenchKiosk>>;

export async function startBenchKiosk(baseUrl: string, now: () => Date) {
  const core = createTestCore({ platform: { baseUrl, token: BENCH_PLATFORM_TOKEN, timeoutMs: 1500 }, now });
  const synced = await core.catalogSync.syncOnce();
  if (synced.version === null) throw new Error('bench kiosk: the catalog did not sync');
  const keeper = startTicketRangeKeeper(core.resident.deps, { intervalMs: 3_600_000 });
  await keeper.refresh();
  // The method is named from the contract, so a renamed method fails to compile here.
  const call = async <T>(method: MethodName<KioskContract>, input: unknown): Promise<T> => {
    const answer = (await core.dispatch(method, input, ctx)) as Answer<T>;
    if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
    return answer.value;
  };
  // The kiosk keeps copies of the rating options and the queues from when the platform answered.
  const options = await call<{ version: string }>('rating.options', {});
  const overview = await call<{ services: Array<{ serviceCode: string }> }>('queue.overview', {});
  return {
    core,
    /**
     * Sign in with the card, a look at the home list, then a ticket and its rating (every tenth
     * visit) or a request for a callback (the others), sign out, the visit ends. A service gives
     * 100–300 numbers a day (platform/server/sample/queue-services.ts): 2,000 visits that each
     * took a ticket would use a station's numbers up several times over, on one day.
     */
    async visit(index: number): Promise<void> {
      const card = CARDS[index % CARDS.length]!;
      core.fakeDevices.emitCard({ type: 'read', card: maskCard(card) }, card);
      await call('session.signInWithCard', { role: 'applicant' });
      await call('catalog.overview', {});
      if (index % 10 === 0) {
        await call('queue.takeTicket', {
          confirmationId: crypto.randomUUID(),
          serviceCode: overview.services[(index / 10) % overview.services.length]!.serviceCode,
          priority: 'normal',
          matterCode: null,
        });
        const completed = await call<Array<{ kind: string; ref: string }>>('session.completedServices', {});
        for (const service of completed) {
          await call('rating.submit', {
            confirmationId: crypto.randomUUID(),
            service: { kind: service.kind, ref: service.ref },
            level: 5,
            optionsVersion: options.version,
            optionCodes: [],
          });
        }
      } else {
        await call('assistance.request', {
          confirmationId: crypto.randomUUID(),
          kind: 'callback',
          phone: '13800138000',
          preferredTime: 'morning',
          needs: ['elderly'],
          matterCode: null,
        });
      }
      await call('session.signOut', {});
      await call('session.end', {});
    },
    /** Sign in, ask for a callback (assistance.request: one outbox entry), the visit ends. */
    async askForCallback(index: number): Promise<void> {
      const card = CARDS[index % CARDS.length]!;
      core.fakeDevices.emitCard({ type: 'read', card: maskCard(card) }, card);
      await call('session.signInWithCard', { role: 'applicant' });
      await call('assistance.request', {
        confirmationId: crypto.randomUUID(),
        kind: 'callback',
        phone: '13800138000',
        preferredTime: 'morning',
        needs: ['elderly'],
        matterCode: null,
      });
      await call('session.end', {});
    },
    async close() {
      await keeper.stop();
      await core.close();
    },
  };
}
