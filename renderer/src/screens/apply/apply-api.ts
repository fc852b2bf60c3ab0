import type { Client } from '../../../../core/api/client';
import type { KioskContract } from '../../../../core/api/contract';
import type { ApplyApi, Outcome } from './apply-machine';

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

function outcome<T>(answer: Answer<T>): Outcome<T> {
  return answer.ok
    ? { kind: 'ok', value: answer.value }
    : { kind: 'error', code: answer.error.code, message: answer.error.message };
}

/** The journey's calls over the kiosk API; every failure becomes an outcome, never a throw. */
export function applyApi(client: Client<KioskContract>): ApplyApi {
  return {
    start: async (input) => outcome(await client.call('application.start', input)),
    historyPrefill: async ({ matterCodes }) => {
      // The resident tapped yes on this screen: core records the consent for the card-signed-in
      // applicant, then reads the values back (a typed sign-in is refused at both steps).
      const consent = await client.call('application.consentToHistory', {});
      if (!consent.ok) return outcome(consent);
      const answer = await client.call('application.historyPrefill', { matterCodes });
      return answer.ok ? { kind: 'ok', value: answer.value.values } : outcome(answer);
    },
    submit: async (input) => outcome(await client.call('application.submit', input)),
    reprint: async (localRef) => outcome(await client.call('application.reprintReceipt', { localRef })),
    discard: (captureId) => {
      void client.call('capture.discard', { captureId });
    },
    newConfirmationId: () => crypto.randomUUID(),
  };
}
