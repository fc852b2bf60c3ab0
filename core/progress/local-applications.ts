import type { Person } from '../../platform/contract/common';
import type { ServiceDeps } from '../app/service-deps';
import { applicationByRef } from '../applications';

/**
 * Applications confirmed at this kiosk, as progress needs them. Backed by core/applications:
 * `applicationByRef` answers the lookup; the per-person list reads the application table by its
 * sealed applicant key until core/applications exports such a list itself.
 */
export interface LocalApplication {
  readonly localRef: string;
  readonly matterName: string;
  readonly submittedAt: string;
  /** The platform's 办件编号 once it accepted the application. */
  readonly caseNo: string | null;
}

export interface LocalApplications {
  /** By the UUID, the 8-character short form on the receipt, a submission reference or the 办件编号. */
  byRef(ref: string): LocalApplication | null;
  /** This person's applications saved here and not numbered yet (not delivered, or refused). */
  notNumberedOf(person: Pick<Person, 'idType' | 'idNumber'>): LocalApplication[];
}

export function localApplicationsOf(deps: Pick<ServiceDeps, 'db' | 'sealer'>): LocalApplications {
  const byRef = (ref: string): LocalApplication | null => {
    const found = applicationByRef(deps.db, ref);
    return found
      ? { localRef: found.localRef, matterName: found.matterName, submittedAt: found.submittedAt, caseNo: found.caseNo }
      : null;
  };
  return {
    byRef,
    notNumberedOf(person) {
      // The identity number is never stored in clear: rows are found by its keyed hash.
      const key = deps.sealer.indexKey(person.idType, person.idNumber);
      const refs = deps.db
        .prepare('SELECT local_ref FROM application WHERE applicant_key = ? ORDER BY submitted_at DESC LIMIT 50')
        .pluck()
        .all(key) as string[];
      return refs.flatMap((localRef) => {
        const application = byRef(localRef);
        return application && application.caseNo === null ? [application] : [];
      });
    },
  };
}
