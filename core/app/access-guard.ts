import type { AccessGuard } from '../api/dispatcher';
import type { VendorMode } from '../technician';
import type { ResidentSession } from '../session/resident-session-types';
import { isVerified } from '../session/resident-session-types';

export interface AccessGuardDeps {
  readonly session: Pick<ResidentSession, 'applicant'>;
  readonly technician: Pick<VendorMode, 'touch'>;
  readonly devMode: boolean;
  readonly now: () => Date;
}

/**
 * The kiosk's access rules, applied by the dispatcher to every call from what the contract says of
 * the method (core/api/define.ts, MethodAccess), so a method added later is protected the day it
 * is declared:
 * - `person`: the applicant must be signed in with a verified identity (the ID card). A typed
 *   number proves nothing in a village where neighbours know each other's numbers.
 * - `technician`: the input's token must be the live technician session's (the call counts as
 *   activity for the idle limit).
 * - `development`: only in a development build.
 */
export function createAccessGuard(deps: AccessGuardDeps): AccessGuard {
  return (access, { input }) => {
    switch (access) {
      case 'public':
        return null;
      case 'person': {
        const applicant = deps.session.applicant();
        if (!applicant) return { code: 'notSignedIn', message: 'sign in with the ID card first' };
        if (!isVerified(applicant)) {
          return {
            code: 'cardRequired',
            message: 'the records of a person open only to their ID card; a typed number is not proof',
          };
        }
        return null;
      }
      case 'technician': {
        const token = (input as { token?: unknown } | null)?.token;
        if (typeof token === 'string' && deps.technician.touch(token, deps.now())) return null;
        return {
          code: 'notAuthorised',
          message: 'no technician session with this token (never opened, ended, or idle too long)',
        };
      }
      case 'development':
        return deps.devMode ? null : { code: 'notAvailable', message: 'development builds only' };
    }
  };
}
