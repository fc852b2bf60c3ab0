import type { ConsoleUser } from '../../contract/console/users';
import { err, ok, type Result } from '../../../core/pure/result';
import type { SqlQueries } from '../db/sql';
import { writeAudit } from './audit-store';
import { takeHit } from '../http/shared-rate-limit';
import { returnHit } from './login-address-limit';
import { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, verifyPassword, type ScryptCost } from './passwords';
import { createSession, pruneSessions, type ActiveSession, type SessionPolicy } from './sessions-store';
import {
  findUserByUsername,
  recordFailedLogin,
  recordSuccessfulLogin,
  setPasswordHash,
  type StoredUser,
} from './users-store';

/**
 * Signing in. An unknown username, a wrong password, a disabled user and a locked account get
 * the same refusal after the same scrypt work, so the answer tells an attacker nothing about
 * which usernames exist. Five failures lock the account for 15 minutes; an address with many
 * failures is refused for the rest of its window before any password is checked. Both counts are
 * in the database, so every platform instance on it meets the same ones.
 */

export interface LoginPolicy {
  readonly maxFailures: number;
  readonly lockMs: number;
  /**
   * Failed logins from one address within a fixed window of ipWindowMs before that address is
   * refused until the window ends (attempts still being checked count too: login-address-limit.ts).
   */
  readonly maxFailuresPerIp: number;
  readonly ipWindowMs: number;
  readonly scrypt: ScryptCost;
  readonly session: SessionPolicy;
}

export const DEFAULT_LOGIN_POLICY: Omit<LoginPolicy, 'session'> = {
  maxFailures: 5,
  lockMs: 15 * 60_000,
  maxFailuresPerIp: 20,
  ipWindowMs: 15 * 60_000,
  scrypt: DEFAULT_SCRYPT_COST,
};

/** The rate_limit_windows limiter the per-address login count is kept under. */
export const LOGIN_ADDRESS_LIMITER = 'console.login.address';

export type LoginRefusal =
  { readonly kind: 'refused' } | { readonly kind: 'addressBlocked'; readonly retryAfterSeconds: number };

export interface SignedIn {
  readonly user: ConsoleUser;
  readonly token: string;
  readonly session: ActiveSession;
}

export class ConsoleLogin {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly db: SqlQueries,
    private readonly policy: LoginPolicy,
  ) {}

  async attempt(username: string, password: string, ip: string, at: Date): Promise<Result<SignedIn, LoginRefusal>> {
    const attempted = username.slice(0, 64);
    const { maxFailuresPerIp, ipWindowMs } = this.policy;
    // Taken before the password is checked and given back on success (console/login-address-limit.ts):
    // the shared count decides, so guesses spread over instances or sent at once meet one limit.
    const address = await takeHit(this.db, LOGIN_ADDRESS_LIMITER, ip, at, maxFailuresPerIp, ipWindowMs);
    if (!address.allowed) {
      await writeAudit(this.db, {
        at,
        actor: null,
        action: 'login.rateLimited',
        target: attempted,
        outcome: 'denied',
        ip,
        detail: 'too many failed logins from this address',
      });
      return err({ kind: 'addressBlocked', retryAfterSeconds: address.retryAfterSeconds });
    }
    const before = await findUserByUsername(this.db, username);
    // The same scrypt work whatever happens next, so timing does not tell who exists.
    const matches = await verifyPassword(password, before?.passwordHash ?? (await this.dummy()));
    // Read again after the wait: attempts sent all at once must not slip past a lock that the
    // failures among them have just set.
    const stored = before && (await findUserByUsername(this.db, username));
    const locked = stored?.lockedUntil !== null && stored?.lockedUntil !== undefined && stored.lockedUntil > at;
    if (stored && !stored.user.disabled && !locked && matches) {
      const signedIn = await this.signIn(stored, password, ip, at);
      if (signedIn) return ok(signedIn);
      // The right password, refused because a failure elsewhere has just locked the account.
      return this.refuse(stored, true, attempted, ip, at);
    }
    return this.refuse(stored, locked, attempted, ip, at);
  }

  /**
   * The session, when the account is still enabled and unlocked as the database decides it now
   * (recordSuccessfulLogin's condition): undefined when a failure elsewhere has just locked it.
   */
  private async signIn(stored: StoredUser, password: string, ip: string, at: Date): Promise<SignedIn | undefined> {
    const userId = stored.user.userId;
    if (!(await recordSuccessfulLogin(this.db, userId, at))) return undefined;
    await returnHit(this.db, LOGIN_ADDRESS_LIMITER, ip, at, this.policy.ipWindowMs);
    if (needsRehash(stored.passwordHash, this.policy.scrypt))
      await setPasswordHash(this.db, userId, await hashPassword(password, this.policy.scrypt));
    await pruneSessions(this.db, at);
    const { token, session } = await createSession(this.db, userId, this.policy.session, at);
    const user = { ...stored.user, lastLoginAt: at.toISOString() };
    await writeAudit(this.db, { at, actor: user, action: 'login.succeeded', target: null, outcome: 'ok', ip });
    return { user, token, session };
  }

  private async refuse(
    stored: StoredUser | undefined,
    locked: boolean,
    attempted: string,
    ip: string,
    at: Date,
  ): Promise<Result<never, LoginRefusal>> {
    const counts = stored !== undefined && !stored.user.disabled && !locked;
    const lockedNow =
      counts &&
      (await recordFailedLogin(
        this.db,
        stored.user.userId,
        this.policy.maxFailures,
        new Date(at.getTime() + this.policy.lockMs),
      ));
    const why = !stored
      ? 'unknown username'
      : stored.user.disabled
        ? 'user disabled'
        : locked
          ? 'account locked'
          : lockedNow
            ? `wrong password; locked for ${Math.round(this.policy.lockMs / 60_000)} minutes`
            : 'wrong password';
    await writeAudit(this.db, {
      at,
      actor: null,
      action: locked || lockedNow ? 'login.locked' : 'login.failed',
      target: attempted,
      outcome: 'denied',
      ip,
      detail: why,
    });
    return err({ kind: 'refused' });
  }

  private dummy(): Promise<string> {
    return (this.dummyHash ??= hashPassword('no such user: the same work as a real check', this.policy.scrypt));
  }
}
