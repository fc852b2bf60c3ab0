import { randomUUID } from 'node:crypto';
import type { CaseProgress } from '../../platform/contract/applications';
import type { CaseLookup, CaseStatus } from '../api/care';
import type { KioskContract } from '../api/contract';
import { err, ok, type Result } from '../pure/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { describePlatformError } from '../platform-client/http';
import { isRated } from '../ratings/rating-store';
import { localApplicationsOf, type LocalApplication, type LocalApplications } from './local-applications';
import { fetchCase, searchCases } from './platform-cases';
import { parseProgressReference, referenceText } from './reference';

type LookupError = { code: 'caseNotFound' | 'platformUnavailable'; message: string };

/**
 * 办件进度 (结果在线可查): the signed-in person's cases, and one case by number, by the receipt's
 * QR, or by the local reference of an application saved here. A successful lookup is a service
 * of this session, so it can be rated (一次一评).
 */
export function buildProgressHandlers(
  deps: ServiceDeps,
  applications: LocalApplications = localApplicationsOf(deps),
): Pick<Handlers<KioskContract>, 'progress.mine' | 'progress.lookup'> {
  const log = deps.logger.child({ component: 'progress' });

  const recordLookup = (ref: string, matterCode: string | null) => {
    if (deps.session.findCompleted('progressQuery', ref)) return;
    deps.session.recordCompleted({ kind: 'progressQuery', ref, title: '查询办件进度', matterCode });
    // Rated in an earlier visit: the rating screen must not offer it again.
    if (isRated(deps.db, deps.sealer, 'progressQuery', ref)) deps.session.markRated('progressQuery', ref);
  };

  const platformCase = async (caseNo: string): Promise<Result<CaseLookup, LookupError>> => {
    const answer = await fetchCase(deps.platform, caseNo);
    if (!answer.ok) {
      if (answer.error.kind === 'http' && answer.error.status === 404) {
        return err({ code: 'caseNotFound', message: `the platform has no case ${caseNo}` });
      }
      log.warn({ reason: describePlatformError(answer.error) }, 'case lookup failed');
      return err({ code: 'platformUnavailable', message: 'the platform cannot be asked right now; try again later' });
    }
    const progress: CaseProgress = answer.value;
    recordLookup(progress.caseNo, progress.matter.matterCode);
    return ok({ found: 'platform', progress: statusOnly(progress) });
  };

  const pendingHere = (application: LocalApplication): CaseLookup => {
    recordLookup(application.localRef, null);
    return { found: 'pendingHere', application: toPending(application) };
  };

  return {
    'progress.mine': async () => {
      const signedIn = deps.session.applicant();
      if (!signedIn) return err({ code: 'notSignedIn' as const, message: 'sign in with the ID card first' });
      const { idType, idNumber } = signedIn.person;

      const searched = await searchCases(deps.platform, { idType, idNumber }, randomUUID());
      if (!searched.ok) log.warn({ reason: describePlatformError(searched.error) }, 'case search failed');

      const waiting = applications.notNumberedOf({ idType, idNumber }).map(toPending);
      return ok({
        platform: searched.ok ? ('reachable' as const) : ('unreachable' as const),
        cases: searched.ok ? searched.value.cases : [],
        pendingHere: waiting,
      });
    },

    'progress.lookup': async ({ reference }) => {
      const parsed = parseProgressReference(reference, deps.info.station.progressPageUrl ?? null);
      // Anything printed on a receipt of this kiosk first: its local references, and the case
      // numbers it was given (a case number found here is then asked of the platform).
      const text = referenceText(parsed);
      const local = text === null ? null : applications.byRef(text);
      if (local) return local.caseNo === null ? ok(pendingHere(local)) : platformCase(local.caseNo);
      switch (parsed.kind) {
        case 'invalid':
          return err({ code: 'caseNotFound' as const, message: 'not a case number or a receipt code' });
        case 'localRef':
          return err({ code: 'caseNotFound' as const, message: 'no application with this reference on this kiosk' });
        case 'caseNo':
          return platformCase(parsed.caseNo);
      }
    },
  };
}

/**
 * What a case number may show whoever holds it: where the case is, never the mailing recipient,
 * phone or address (a receipt is paper that gets left behind; docs/privacy.md).
 */
export function statusOnly(progress: CaseProgress): CaseStatus {
  const { delivery, ...status } = progress;
  return {
    ...status,
    delivery:
      delivery.method === 'pickUp' ? { method: 'pickUp', servicePointId: delivery.servicePointId } : { method: 'mail' },
  };
}

function toPending(application: LocalApplication) {
  return {
    localRef: application.localRef,
    matterName: application.matterName,
    submittedAt: application.submittedAt,
  };
}
