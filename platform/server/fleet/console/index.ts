import { err, ok, type Result } from '../../../../core/pure/result';
import type { KioskSummary } from '../../../contract/console/fleet-views';
import type { ConsoleUser } from '../../../contract/console/users';
import type { ConsoleFailure, ConsoleHandlers, FleetOperationId } from '../../console/handler-types';
import type { PlatformContext } from '../../http/types';
import { appendTimeline, findAlarm, listAlarmRows } from '../../store/fleet-alarms';
import { findCommand, issueCommand } from '../../store/fleet-commands';
import { enrolmentView, findEnrolment, listEnrolmentRows, moveEnrolment } from '../../store/fleet-enrolments';
import { activeTerminals, findActiveTerminal, revokeTerminal, type FleetTerminal } from '../../store/fleet-kiosks';
import { readMaterialBytes } from '../../store/materials';
import type { RuleId } from '../alarms';
import { issueEnrolmentCode } from '../enrolment';
import { acknowledgeAlarm } from '../fleet-monitor';
import { maySeeStation, stationDirectory, type StationDirectory } from '../stations';
import { kioskDetail, kioskSummary } from './kiosk-views';

/**
 * The work behind the console's fleet endpoints (platform/contract/console/endpoints.ts). The
 * HTTP layer has checked session, CSRF, role and input; every handler here checks the user's
 * scope against what it touches and answers notFound for anything outside it, so the answer
 * does not tell that it exists.
 */

export type FleetConsoleContext = Pick<PlatformContext, 'sql' | 'sealer' | 'fleet' | 'log'>;

const notFound = (detail: string): Result<never, ConsoleFailure> => err({ kind: 'notFound', detail });
const conflict = (detail: string): Result<never, ConsoleFailure> => err({ kind: 'conflict', detail });

export function createFleetConsoleHandlers(ctx: FleetConsoleContext): ConsoleHandlers<FleetOperationId> {
  const db = ctx.sql;

  /** The kiosk if it exists, is not revoked and is within the user's scope. */
  const visibleKiosk = async (user: ConsoleUser, terminalId: string, known?: StationDirectory) => {
    const terminal = await findActiveTerminal(db, terminalId);
    if (!terminal) return undefined;
    const directory = known ?? (await stationDirectory(db));
    return maySee(user, directory, terminal.stationId) ? terminal : undefined;
  };
  const maySee = (user: ConsoleUser, directory: StationDirectory, stationId: string) =>
    maySeeStation(user, directory.stations.get(stationId), stationId);
  const visibleTerminals = async (user: ConsoleUser, directory: StationDirectory): Promise<FleetTerminal[]> =>
    (await activeTerminals(db)).filter((terminal) => maySee(user, directory, terminal.stationId));

  return {
    getFleet: async ({ user, query, now }) => {
      const directory = await stationDirectory(db);
      const stations = [...directory.stations.values()].filter((station) => maySee(user, directory, station.stationId));
      const townshipCodes = new Set(stations.map((station) => station.townshipCode));
      const inFilter = (terminal: FleetTerminal) =>
        (query.station === undefined || terminal.stationId === query.station) &&
        (query.township === undefined || directory.stations.get(terminal.stationId)?.townshipCode === query.township);
      const kiosks: KioskSummary[] = [];
      for (const terminal of (await visibleTerminals(user, directory)).filter(inFilter)) {
        kiosks.push(await kioskSummary(db, terminal));
      }
      const counts = { online: 0, degraded: 0, offline: 0, missing: 0, pending: 0 };
      for (const kiosk of kiosks) counts[kiosk.state] += 1;
      return ok({
        generatedAt: now.toISOString(),
        heartbeatIntervalSeconds: ctx.fleet.heartbeatIntervalSeconds,
        kiosks: query.state === undefined ? kiosks : kiosks.filter((kiosk) => kiosk.state === query.state),
        stations,
        townships: [...directory.townships.values()].filter((township) => townshipCodes.has(township.townshipCode)),
        counts,
      });
    },

    getKiosk: async ({ user, params, now }) => {
      const directory = await stationDirectory(db);
      const terminal = await visibleKiosk(user, params.terminalId, directory);
      const station = terminal && directory.stations.get(terminal.stationId);
      if (!terminal || !station) return notFound('no such kiosk');
      return ok(await kioskDetail(db, ctx.sealer, terminal, station, now));
    },

    issueCommand: async ({ user, params, body, now }) => {
      const terminal = await visibleKiosk(user, params.terminalId);
      if (!terminal) return notFound('no such kiosk');
      const command = await db.transaction(async (tx) => {
        const issued = await issueCommand(
          tx,
          {
            terminalId: terminal.terminalId,
            request: body,
            issuedBy: user.username,
            lifetimeMinutes: ctx.fleet.commandLifetimeMinutes,
          },
          now,
        );
        await appendTimeline(tx, terminal.terminalId, {
          kind: 'command',
          at: issued.issuedAt,
          commandId: issued.commandId,
          change: 'issued',
        });
        return issued;
      });
      return ok(command);
    },

    getCommand: async ({ user, params, now }) => {
      const command = await findCommand(db, params.commandId, now);
      if (!command || !(await visibleKiosk(user, command.terminalId))) return notFound('no such command');
      return ok(command);
    },

    getScreenshot: async ({ user, params, now }) => {
      const command = await findCommand(db, params.commandId, now);
      if (!command || !(await visibleKiosk(user, command.terminalId))) return notFound('no such command');
      const shot = command.result?.outcome === 'done' ? command.result.screenshot : undefined;
      if (command.request.kind !== 'screenshot' || !shot) return notFound('this command has no screenshot');
      const bytes = await readMaterialBytes(db, ctx.sealer, shot.sha256);
      if (!bytes) return notFound('the kiosk has not uploaded the screenshot');
      return ok(new Uint8Array(bytes));
    },

    revokeKiosk: async ({ user, params, body, now }) => {
      const terminal = await visibleKiosk(user, params.terminalId);
      if (!terminal) return notFound('no such kiosk');
      await revokeTerminal(db, { terminalId: terminal.terminalId, by: user.username, reason: body.reason }, now);
      return ok({});
    },

    listAlarms: async ({ user, query }) => {
      const directory = await stationDirectory(db);
      const visible = (await visibleTerminals(user, directory)).map((terminal) => terminal.terminalId);
      const terminalIds = query.terminal === undefined ? visible : visible.filter((id) => id === query.terminal);
      return ok({ alarms: await listAlarmRows(db, { terminalIds, openOnly: query.open === 'true', limit: 500 }) });
    },

    acknowledgeAlarm: async ({ user, params, body, now }) => {
      const alarm = await findAlarm(db, params.alarmId);
      if (!alarm || !(await visibleKiosk(user, alarm.terminalId))) return notFound('no such alarm');
      if (alarm.recoveredAt !== null) return conflict('the alarm has recovered');
      const done = await acknowledgeAlarm(
        { db, fleet: ctx.fleet, log: ctx.log },
        {
          terminalId: alarm.terminalId,
          rule: alarm.rule as RuleId,
          by: user.username,
          ...(body.note ? { note: body.note } : {}),
        },
        now,
      );
      if (!done.ok) {
        return done.error.code === 'alreadyAcknowledged'
          ? conflict(`already acknowledged by ${done.error.acknowledged.by}`)
          : conflict('the alarm is no longer open');
      }
      const updated = await findAlarm(db, params.alarmId);
      return updated ? ok(updated) : notFound('no such alarm');
    },

    createEnrolmentCode: async ({ user, body, now }) => {
      const directory = await stationDirectory(db);
      if (!maySee(user, directory, body.stationId)) return notFound('no such station');
      return ok(
        await issueEnrolmentCode(
          db,
          { stationId: body.stationId, validHours: body.validHours, createdBy: user.username },
          now,
        ),
      );
    },

    listEnrolments: async ({ user }) => {
      const directory = await stationDirectory(db);
      const rows = (await listEnrolmentRows(db, 200)).filter((row) => maySee(user, directory, row.stationId));
      return ok({ enrolments: rows.map(enrolmentView) });
    },

    approveEnrolment: ({ user, params, now }) => decide(user, params.enrolmentId, 'approved', now),
    rejectEnrolment: ({ user, params, now }) => decide(user, params.enrolmentId, 'rejected', now),
  };

  /**
   * Approve or reject, once: the move from pending is conditional (store/fleet-enrolments.ts), so
   * of two decisions at once (two admins, two instances) one takes and the other is a conflict.
   */
  async function decide(user: ConsoleUser, enrolmentId: string, to: 'approved' | 'rejected', now: Date) {
    const row = await findEnrolment(db, enrolmentId);
    if (!row || !maySee(user, await stationDirectory(db), row.stationId)) return notFound('no such enrolment');
    if (!(await moveEnrolment(db, row.id, 'pending', to, { by: user.username, at: now.toISOString() }))) {
      const current = await findEnrolment(db, enrolmentId);
      return conflict(`the enrolment is ${current?.state ?? row.state}, no longer pending`);
    }
    const decided = await findEnrolment(db, enrolmentId);
    return decided ? ok(enrolmentView(decided)) : notFound('no such enrolment');
  }
}
