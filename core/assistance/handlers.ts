import type { KioskContract } from '../api/contract';
import { err, ok } from '../pure/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { currentMatterRef } from '../ratings/matter-ref';
import { atMost } from '../pure/at-most';
import {
  assistanceRequestDelivery,
  newLocalAssistanceRef,
  saveAssistanceRequest,
  type StoredAssistanceRequest,
} from './assistance-store';
import { ASSISTANCE_KIND_LABELS, toAssistanceRequest } from './assistance-request';
import { assistanceSlip } from './assistance-slip';
import { printResultOf } from '../devices/print-result';
import { nextOnDuty } from '../api/station';
import { describeWhen } from '../station-hours/describe-when';
import { needsStaff, stationPresence } from '../station-hours/station-hours';
import { isVerified } from '../session/resident-session-types';
import { describePlatformError } from '../platform-client/http';
import { myHelpRequests, pendingHelpRequestsOf, searchHelpRequests } from './my-help-requests';

export interface HelpHandlerOptions {
  /** How long the screen waits for the platform's AR-… id before printing the local reference. */
  readonly platformWaitMs?: number;
}

/**
 * 帮办代办: one request (callback, home visit, agent at the station), stored with its outbox row,
 * delivered now if the platform answers in time, and a slip printed either way. A resident signed
 * in with the ID card sends who asked, and can follow their requests later (我的求助进度).
 */
export function buildHelpHandlers(
  deps: ServiceDeps,
  options: HelpHandlerOptions = {},
): Pick<Handlers<KioskContract>, 'assistance.request' | 'assistance.mine'> {
  const waitMs = options.platformWaitMs ?? 2_000;
  const log = deps.logger.child({ component: 'assistance' });

  const receipt = async (stored: StoredAssistanceRequest, isNew: boolean) => {
    const delivery = assistanceRequestDelivery(deps.db, stored);
    // Staff get in touch when they are next on duty: the slip names that day, not "24 hours".
    const contactFrom = nextOnDuty(stationPresence(deps, new Date(stored.requestedAt)));
    const printed = await deps.devices.print(assistanceSlip(deps.info, stored, delivery, contactFrom));
    if (!printed.ok) log.warn({ localRef: stored.localRef, problem: printed.error.kind }, 'help slip not printed');
    // A retried call is the same request: it was recorded (and may be rated) once already.
    if (isNew) {
      deps.session.recordCompleted({
        kind: 'assistance',
        ref: delivery.reference,
        title: `帮办代办：${ASSISTANCE_KIND_LABELS[stored.kind]}`,
        matterCode: stored.matterCode,
      });
    }
    return ok({
      status: delivery.status,
      reference: delivery.reference,
      kind: stored.kind,
      expectedContactWithinHours: delivery.expectedContactWithinHours,
      contactFrom,
      print: printResultOf(printed),
    });
  };

  return {
    'assistance.request': async (input) => {
      const now = deps.now();
      if (input.kind === 'agentAtStation' && needsStaff(deps, 'agentAtStation')) {
        const presence = stationPresence(deps, now);
        if (presence.state !== 'onDuty') {
          return err({
            code: 'notStaffed' as const,
            message: `no agent on duty now; next: ${describeWhen(nextOnDuty(presence), now, deps.info.station.timeZone)}`,
          });
        }
      }
      const signedIn = deps.session.applicant();
      const request = toAssistanceRequest(input, {
        stationId: deps.info.station.id,
        requesterName: signedIn?.person.name ?? null,
        // Only the chip proves who asked; a typed number would let anyone follow someone else's request.
        requester:
          signedIn && isVerified(signedIn)
            ? { idType: signedIn.person.idType, idNumber: signedIn.person.idNumber, evidence: 'idCardChip' }
            : null,
        matter: input.matterCode === null ? null : currentMatterRef(deps.db, input.matterCode),
        requestedAt: now.toISOString(),
        offline: deps.platformReachability() === 'unreachable',
      });
      if (!request.ok) return err({ code: 'invalidRequest' as const, message: request.error });

      const saved = saveAssistanceRequest(
        deps.db,
        deps.sealer,
        { confirmationId: input.confirmationId, localRef: newLocalAssistanceRef(now), body: request.value },
        now,
      );
      if (saved.kind === 'saved') {
        log.info({ localRef: saved.stored.localRef, kind: saved.stored.kind }, 'help request stored and queued');
        await atMost(deps.outbox.kick(), waitMs);
      }
      return receipt(saved.stored, saved.kind === 'saved');
    },

    'assistance.mine': async () => {
      const signedIn = deps.session.applicant();
      if (!signedIn || !isVerified(signedIn))
        return err({ code: 'notSignedIn' as const, message: 'sign in with the ID card first' });
      const person = { idType: signedIn.person.idType, idNumber: signedIn.person.idNumber };
      const searched = await searchHelpRequests(deps.platform, person);
      if (!searched.ok) log.warn({ reason: describePlatformError(searched.error) }, 'help request search failed');
      return ok(myHelpRequests(searched, pendingHelpRequestsOf(deps.db, deps.sealer, person)));
    },
  };
}
