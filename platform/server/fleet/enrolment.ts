import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from '../../../core/pure/result';
import type { SqlQueries } from '../db/sql';
import type { EnrolmentRequest, EnrolmentState } from '../../contract/fleet';
import {
  claimTerminalId,
  createEnrolment,
  enrolmentIdOf,
  findEnrolment,
  findEnrolmentByCode,
  findEnrolmentCode,
  moveEnrolment,
  storeEnrolmentCode,
  type EnrolmentRow,
} from '../store/fleet-enrolments';
import { findActiveTerminal } from '../store/fleet-kiosks';
import { tokenHash } from '../store/terminals';

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

export async function issueEnrolmentCode(
  db: SqlQueries,
  request: { stationId: string; validHours: number; createdBy: string },
  now: Date,
): Promise<{ code: string; stationId: string; expiresAt: string }> {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + request.validHours * 3_600_000).toISOString();
  await storeEnrolmentCode(
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
 * an expired or unknown code is refused alike. Many requests with one code at once: the code's
 * conditional use (createEnrolment) lets one file; each other one is then answered as a use of
 * a used code, from the enrolment that won.
 */
export async function requestEnrolment(
  db: SqlQueries,
  request: EnrolmentRequest,
  requestedFrom: string,
  now: Date,
): Promise<Result<EnrolmentState, EnrolmentRefusal>> {
  return db.transaction(async (tx): Promise<Result<EnrolmentState, EnrolmentRefusal>> => {
    const codeSha256 = sha256Hex(request.code);
    const code = await findEnrolmentCode(tx, codeSha256);
    if (!code) return err('enrolmentCodeInvalid');
    if (code.usedAt !== null) return answerForUsedCode(tx, codeSha256, request);
    if (Date.parse(code.expiresAt) <= now.getTime()) return err('enrolmentCodeInvalid');
    if (await findActiveTerminal(tx, request.terminalId)) return err('terminalAlreadyEnrolled');
    const row = await createEnrolment(
      tx,
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
    // Used meanwhile by a request that committed first: that one's enrolment is the answer.
    return row ? ok(stateOf(row)) : answerForUsedCode(tx, codeSha256, request);
  });
}

async function answerForUsedCode(
  db: SqlQueries,
  codeSha256: string,
  request: EnrolmentRequest,
): Promise<Result<EnrolmentState, EnrolmentRefusal>> {
  const earlier = await findEnrolmentByCode(db, codeSha256);
  const same =
    earlier !== undefined &&
    earlier.terminalId === request.terminalId &&
    sameHex(earlier.claimSecretSha256, request.claimSecretSha256);
  return same ? ok(stateOf(earlier)) : err('enrolmentCodeInvalid');
}

export type PollRefusal = 'notFound' | 'wrongSecret' | 'terminalAlreadyEnrolled';

/** Thrown inside the collecting transaction to roll back its move to 'collected'. */
class TerminalIdTaken extends Error {}

/**
 * Where the enrolment stands, for the holder of the claim secret. The first poll after approval
 * registers the terminal under a fresh random token and answers it; it is never shown again.
 * Two polls at once: moving the enrolment from approved to collected is conditional, so one
 * collects (and gets the token) and the other answers 'collected'. Two approved enrolments of one
 * terminal id collected at once: claimTerminalId lets one have the id; the other's transaction
 * rolls back, leaving its enrolment approved, and it answers terminalAlreadyEnrolled.
 */
export async function pollEnrolment(
  db: SqlQueries,
  enrolmentId: string,
  claimSecret: string,
  now: Date,
): Promise<Result<EnrolmentState, PollRefusal>> {
  try {
    return await db.transaction(async (tx): Promise<Result<EnrolmentState, PollRefusal>> => {
      const row = await findEnrolment(tx, enrolmentId);
      if (!row) return err('notFound');
      if (!sameHex(sha256Hex(claimSecret), row.claimSecretSha256)) return err('wrongSecret');
      if (row.state !== 'approved') return ok(stateOf(row));
      if (!(await moveEnrolment(tx, row.id, 'approved', 'collected'))) {
        const current = await findEnrolment(tx, enrolmentId);
        if (!current) throw new Error('an enrolment vanished while it was collected');
        return ok(stateOf(current));
      }
      const terminalToken = randomBytes(32).toString('base64url');
      const claimed = await claimTerminalId(
        tx,
        { terminalId: row.terminalId, stationId: row.stationId, tokenSha256: tokenHash(terminalToken) },
        now,
      );
      // Another kiosk took the id between request and approval (configured at start, or enrolled).
      if (!claimed) throw new TerminalIdTaken();
      return ok({ enrolmentId, state: 'approved', stationId: row.stationId, terminalToken });
    });
  } catch (error) {
    if (error instanceof TerminalIdTaken) return err('terminalAlreadyEnrolled');
    throw error;
  }
}

/** Constant time over the digests: how much of a guess was right does not show in the timing. */
function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === 32 && right.length === 32 && timingSafeEqual(left, right);
}
