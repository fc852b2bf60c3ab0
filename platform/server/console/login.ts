import type Database from 'better-sqlite3';
import type { ConsoleUser } from '../../contract/console/users';
import { err, ok, type Result } from '../../../core/pure/result';
import { writeAudit } from './audit-store';
import { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, verifyPassword, type ScryptCost } from './passwords';
import { createSession, pruneSessions, type ActiveSession, type SessionPolicy } from './sessions-store';
import { findUserByUsername, recordFailedLogin, recordSuccessfulLogin, setPasswordHash } from './users-store';

/**
 * Signing in. An unknown username, a wrong password, a disabled user and a locked account get
 * the same refusal after the same scrypt work, so the answer tells an attacker nothing about
 * which usernames exist. Five failures lock the account for 15 minutes (kept in the database,
 * shared by every instance); an address with many failures is refused for a while before any
 * password is checked (kept in this instance's memory: it only slows guessing down).
 */

export interface LoginPolicy {
  readonly maxFailures: number;
  readonly lockMs: number;
  /** Failed logins from one address within ipWindowMs before that address is refused. */
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

/** Failed logins per address in a sliding window. */
export class AddressFailures {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  blocked(ip: string, at: Date): boolean {
    return this.recent(ip, at).length >= this.limit;
  }

  record(ip: string, at: Date): void {
    if (this.failures.size > 10_000) this.forgetOld(at);
    this.failures.set(ip, [...this.recent(ip, at), at.getTime()]);
  }

  private recent(ip: string, at: Date): number[] {
    const since = at.getTime() - this.windowMs;
    return (this.failures.get(ip) ?? []).filter((time) => time > since);
  }

  private forgetOld(at: Date): void {
    for (const ip of [...this.failures.keys()]) if (this.recent(ip, at).length === 0) this.failures.delete(ip);
  }
}

export type LoginRefusal = { readonly kind: 'refused' } | { readonly kind: 'addressBlocked' };

export interface SignedIn {
  readonly user: ConsoleUser;
  readonly token: string;
  readonly session: ActiveSession;
}

export class ConsoleLogin {
  private readonly addresses: AddressFailures;
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly policy: LoginPolicy,
  ) {
    this.addresses = new AddressFailures(policy.maxFailuresPerIp, policy.ipWindowMs);
  }

  async attempt(username: string, password: string, ip: string, at: Date): Promise<Result<SignedIn, LoginRefusal>> {
    const attempted = username.slice(0, 64);
    if (this.addresses.blocked(ip, at)) {
      writeAudit(this.db, {
        at,
        actor: null,
        action: 'login.rateLimited',
        target: attempted,
        outcome: 'denied',
        ip,
        detail: 'too many failed logins from this address',
      });
      return err({ kind: 'addressBlocked' });
    }
    const before = findUserByUsername(this.db, username);
    // The same scrypt work whatever happens next, so timing does not tell who exists.
    const matches = await verifyPassword(password, before?.passwordHash ?? (await this.dummy()));
    // Read again after the wait: attempts sent all at once must not slip past a lock that the
    // failures among them have just set.
    const stored = before && findUserByUsername(this.db, username);
    const locked = stored?.lockedUntil !== null && stored?.lockedUntil !== undefined && stored.lockedUntil > at;
    if (!stored || stored.user.disabled || locked || !matches) {
      this.addresses.record(ip, at);
      const lockedNow =
        stored && !stored.user.disabled && !locked
          ? recordFailedLogin(
              this.db,
              stored.user.userId,
              this.policy.maxFailures,
              new Date(at.getTime() + this.policy.lockMs),
            )
          : false;
      const why = !stored
        ? 'unknown username'
        : stored.user.disabled
          ? 'user disabled'
          : locked
            ? 'account locked'
            : lockedNow
              ? `wrong password; locked for ${Math.round(this.policy.lockMs / 60_000)} minutes`
              : 'wrong password';
      writeAudit(this.db, {
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
    if (needsRehash(stored.passwordHash, this.policy.scrypt))
      setPasswordHash(this.db, stored.user.userId, await hashPassword(password, this.policy.scrypt));
    recordSuccessfulLogin(this.db, stored.user.userId, at);
    pruneSessions(this.db, at);
    const { token, session } = createSession(this.db, stored.user.userId, this.policy.session, at);
    const user = { ...stored.user, lastLoginAt: at.toISOString() };
    writeAudit(this.db, { at, actor: user, action: 'login.succeeded', target: null, outcome: 'ok', ip });
    return ok({ user, token, session });
  }

  private dummy(): Promise<string> {
    return (this.dummyHash ??= hashPassword('no such user: the same work as a real check', this.policy.scrypt));
  }
}
