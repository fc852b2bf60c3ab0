import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../../core/pure/result';
import type { EnrolmentRequest, EnrolmentState } from '../../contract/fleet';
import {
  createEnrolment,
  enrolmentIdOf,
  findEnrolment,
  findEnrolmentByCode,
  findEnrolmentCode,
  moveEnrolment,
  storeEnrolmentCode,
  type EnrolmentRow,
} from '../store/fleet-enrolments';
import { clearRevocation, findActiveTerminal } from '../store/fleet-kiosks';
import { registerTerminal } from '../store/terminals';

/**
 * Enrolment (docs/fleet.md): an admin makes a one-time code for a station; the kiosk asks to join
 * with it and the sha256 of a claim secret only it holds; an admin approves; the kiosk's next poll,
 * proving the secret, gets a fresh random terminal token, once. The platform keeps the code's,
 * the secret's and the token's sha256, never one of them.
 */

/** Crockford base32 (no I, L, O, U): easy to read out and type on a touch screen. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** 60 random bits as XXXX-XXXX-XXXX; 256 is a multiple of 32, so `byte & 31` is unbiased. */
export function newEnrolmentCode(): string {
  const chars = [...randomBytes(12)].map((byte) => CROCKFORD[byte & 31] ?? '0');
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((group) => group.join('')).join('-');
}

export function issueEnrolmentCode(
  db: Database.Database,
  request: { stationId: string; validHours: number; createdBy: string },
  now: Date,
): { code: string; stationId: string; expiresAt: string } {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + request.validHours * 3_600_000).toISOString();
  storeEnrolmentCode(
    db,
    { sha256: sha256Hex(code), stationId: request.stationId, createdBy: request.createdBy, expiresAt },
    now,
  );
  return { code, stationId: request.stationId, expiresAt };
}

export type EnrolmentRefusal = 'enrolmentCodeInvalid' | 'terminalAlreadyEnrolled';

function stateOf(row: EnrolmentRow): EnrolmentState {
  const enrolmentId = enrolmentIdOf(row.id);
  if (row.state === 'rejected') return { enrolmentId, state: 'rejected' };
  if (row.state === 'pending') return { enrolmentId, state: 'pending', stationId: row.stationId };
  return { enrolmentId, state: 'collected', stationId: row.stationId };
}

/**
 * Files the request, pending. The same request again (the kiosk retrying after a lost answer:
 * same code, terminal and claim secret) gets the same enrolment; any other use of a used code,
 * an expired or unknown code is refused alike.
 */
export function requestEnrolment(
  db: Database.Database,
  request: EnrolmentRequest,
  requestedFrom: string,
  now: Date,
): Result<EnrolmentState, EnrolmentRefusal> {
  return db.transaction((): Result<EnrolmentState, EnrolmentRefusal> => {
    const codeSha256 = sha256Hex(request.code);
    const code = findEnrolmentCode(db, codeSha256);
    if (!code) return err('enrolmentCodeInvalid');
    if (code.usedAt !== null) {
      const earlier = findEnrolmentByCode(db, codeSha256);
      const same =
        earlier !== undefined &&
        earlier.terminalId === request.terminalId &&
        sameHex(earlier.claimSecretSha256, request.claimSecretSha256);
      return same ? ok(stateOf(earlier)) : err('enrolmentCodeInvalid');
    }
    if (Date.parse(code.expiresAt) <= now.getTime()) return err('enrolmentCodeInvalid');
    if (findActiveTerminal(db, request.terminalId)) return err('terminalAlreadyEnrolled');
    const row = createEnrolment(
      db,
      {
        codeSha256,
        terminalId: request.terminalId,
        stationId: code.stationId,
        appVersion: request.appVersion,
        claimSecretSha256: request.claimSecretSha256,
        requestedFrom,
      },
      now,
    );
    return ok(stateOf(row));
  })();
}

export type PollRefusal = 'notFound' | 'wrongSecret' | 'terminalAlreadyEnrolled';

/**
 * Where the enrolment stands, for the holder of the claim secret. The first poll after approval
 * registers the terminal under a fresh random token and answers it; it is never shown again.
 */
export function pollEnrolment(
  db: Database.Database,
  enrolmentId: string,
  claimSecret: string,
  now: Date,
): Result<EnrolmentState, PollRefusal> {
  return db.transaction((): Result<EnrolmentState, PollRefusal> => {
    const row = findEnrolment(db, enrolmentId);
    if (!row) return err('notFound');
    if (!sameHex(sha256Hex(claimSecret), row.claimSecretSha256)) return err('wrongSecret');
    if (row.state !== 'approved') return ok(stateOf(row));
    // Another kiosk may have taken the id between request and approval (configured at start).
    if (findActiveTerminal(db, row.terminalId)) return err('terminalAlreadyEnrolled');
    const terminalToken = randomBytes(32).toString('base64url');
    const registered = registerTerminal(
      db,
      { id: row.terminalId, token: terminalToken, stationId: row.stationId },
      now,
    );
    if (!registered.ok) throw new Error(`a fresh token was refused: ${registered.error.kind}`);
    clearRevocation(db, row.terminalId);
    moveEnrolment(db, row.id, 'approved', 'collected');
    return ok({ enrolmentId, state: 'approved', stationId: row.stationId, terminalToken });
  })();
}

/** Constant time over the digests: how much of a guess was right does not show in the timing. */
function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === 32 && right.length === 32 && timingSafeEqual(left, right);
}
