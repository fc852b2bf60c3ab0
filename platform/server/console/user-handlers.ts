import type { ConsoleRole, ConsoleScope } from '../../contract/console/users';
import { err, ok } from '../../../core/pure/result';
import type { SqlQueries } from '../db/sql';
import { auditPage } from './audit-store';
import type { ConsoleHandlers, UserOperationId } from './handler-types';
import { hashPassword, passwordWeakness, type ScryptCost } from './passwords';
import { endSessionsOfUser } from './sessions-store';
import { createConsoleUser, findUserById, listConsoleUsers, setUserDisabled } from './users-store';

/** The scope kind each role must have (platform/contract/console/users.ts). */
const SCOPE_OF_ROLE: Record<ConsoleRole, ConsoleScope['kind']> = {
  countyAdmin: 'county',
  townshipAdmin: 'township',
  technician: 'county',
  stationStaff: 'station',
};

export function scopeMismatch(role: ConsoleRole, scope: ConsoleScope): string | null {
  const wanted = SCOPE_OF_ROLE[role];
  return scope.kind === wanted ? null : `a ${role} needs a ${wanted} scope`;
}

/** Users and the audit log: county admins manage users; admins read the audit log (audit-store.ts says what). */
export function userHandlers(db: SqlQueries, scrypt: ScryptCost): ConsoleHandlers<UserOperationId> {
  return {
    listUsers: async () => ok({ users: await listConsoleUsers(db) }),

    createUser: async ({ body, now }) => {
      const mismatch = scopeMismatch(body.role, body.scope);
      if (mismatch) return err({ kind: 'invalid', detail: mismatch });
      const weakness = passwordWeakness(body.password, body.username);
      if (weakness) return err({ kind: 'invalid', detail: weakness });
      const created = await createConsoleUser(
        db,
        { ...body, passwordHash: await hashPassword(body.password, scrypt) },
        now,
      );
      return created.ok ? created : err({ kind: 'conflict', detail: 'a user with this username exists' });
    },

    setUserDisabled: async ({ user, params, body }) => {
      const target = await findUserById(db, params.userId);
      if (!target) return err({ kind: 'notFound', detail: 'no such user' });
      if (target.user.userId === user.userId)
        return err({ kind: 'conflict', detail: 'you cannot disable yourself; ask another county admin' });
      await db.transaction(async (tx) => {
        await setUserDisabled(tx, target.user.userId, body.disabled);
        if (body.disabled) await endSessionsOfUser(tx, target.user.userId);
      });
      return ok({ ...target.user, disabled: body.disabled });
    },

    getAudit: async ({ user, query }) => ok(await auditPage(db, user, query)),
  };
}
