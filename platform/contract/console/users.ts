import { z } from 'zod';
import { IsoDateTime, StationId } from '../common';

/**
 * Console users, their roles and what each may see (docs/console.md). The scope is data, checked
 * by the platform on every request; the console only hides what the role cannot use.
 *
 * - countyAdmin: everything, users and the audit log included;
 * - townshipAdmin: the kiosks, alarms and enrolments of its township's stations;
 * - technician: the fleet (read) and remote commands, county-wide;
 * - stationStaff: its own station's kiosks, read-only here (issue 15 adds its work).
 */
export const ConsoleRole = z
  .enum(['countyAdmin', 'townshipAdmin', 'technician', 'stationStaff'])
  .meta({ id: 'ConsoleRole', description: '县级管理员, 镇级管理员, 运维技术员, 站点工作人员.' });
export type ConsoleRole = z.infer<typeof ConsoleRole>;

/** 乡镇 / 街道: the 9-digit 行政区划代码 (370784107 景芝镇). */
export const TownshipCode = z.string().regex(/^[0-9]{9}$/, 'a 9-digit township code (行政区划代码)');

export const ConsoleScope = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('county') }),
    z.strictObject({ kind: z.literal('township'), townshipCode: TownshipCode }),
    z.strictObject({ kind: z.literal('station'), stationId: StationId }),
  ])
  .meta({ id: 'ConsoleScope', description: 'Which stations a user may see.' });
export type ConsoleScope = z.infer<typeof ConsoleScope>;

export const Username = z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/, '3–32 lower-case letters, digits, ".", "_", "-"');

export const ConsoleUser = z
  .strictObject({
    userId: z.string().regex(/^U-[0-9]{1,12}$/),
    username: Username,
    displayName: z.string().trim().min(1).max(32),
    role: ConsoleRole,
    scope: ConsoleScope,
    disabled: z.boolean(),
    createdAt: IsoDateTime,
    lastLoginAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'ConsoleUser', description: 'A person who signs in to the console.' });
export type ConsoleUser = z.infer<typeof ConsoleUser>;

/** At least 10 characters; the platform also refuses the username and a list of common ones. */
export const NewPassword = z.string().min(10).max(200);

export const NewConsoleUser = z
  .strictObject({
    username: Username,
    displayName: ConsoleUser.shape.displayName,
    role: ConsoleRole,
    scope: ConsoleScope,
    password: NewPassword,
  })
  .meta({ id: 'NewConsoleUser', description: 'Create a console user (county admin only).' });
export type NewConsoleUser = z.infer<typeof NewConsoleUser>;

export const LoginRequest = z
  .strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) })
  .meta({ id: 'LoginRequest', description: 'Sign in.' });
export type LoginRequest = z.infer<typeof LoginRequest>;

/**
 * The session itself is an HttpOnly SameSite=Strict cookie the script cannot read; the CSRF
 * token comes in this body and goes back in the X-CSRF-Token header of every change.
 */
export const ConsoleSession = z
  .strictObject({
    user: ConsoleUser,
    csrfToken: z.string().min(32).max(128),
    expiresAt: IsoDateTime.describe('idle expiry; every request moves it on, up to an absolute limit'),
  })
  .meta({ id: 'ConsoleSession', description: 'Who is signed in, and the CSRF token for changes.' });
export type ConsoleSession = z.infer<typeof ConsoleSession>;

export const AuditEntry = z
  .strictObject({
    auditId: z.number().int().min(1),
    at: IsoDateTime,
    username: z
      .string()
      .max(64)
      .nullable()
      .describe('null: nobody signed in (a failed login names the attempt in target)'),
    action: z
      .string()
      .regex(/^[a-z][a-zA-Z.]{2,63}$/)
      .describe('e.g. login.succeeded, command.issued, alarm.acknowledged'),
    target: z.string().max(200).nullable().describe('what the action was about: a kiosk, an alarm, a user'),
    outcome: z.enum(['ok', 'denied', 'failed']),
    ip: z.string().max(64).describe('where the request came from'),
    detail: z.string().max(500).nullable(),
  })
  .meta({ id: 'AuditEntry', description: 'One line of the audit log: who did what, when, from where.' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  username: z.string().max(64).optional(),
  before: z.coerce.number().int().min(1).optional().describe('page backwards: entries with auditId below this'),
});

export const AuditPage = z
  .strictObject({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable() })
  .meta({ id: 'AuditPage', description: 'Audit entries, newest first, 100 a page.' });
export type AuditPage = z.infer<typeof AuditPage>;
