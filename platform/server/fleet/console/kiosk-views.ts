import type { z } from 'zod';
import type {
  InspectionView as InspectionViewSchema,
  KioskDetail,
  KioskSummary,
  MonthFigures as MonthFiguresSchema,
  StationView,
  TimelineEntry,
} from '../../../contract/console/fleet-views';
import type { SqlQueries } from '../../db/sql';
import type { PlatformSealer } from '../../sealing/sealer';
import { alarmsRaisedBetween, listAlarmRows, openAlarmCount, recentTimeline } from '../../store/fleet-alarms';
import { outOfServiceInForce, recentCommands } from '../../store/fleet-commands';
import { recentEvents } from '../../store/fleet-events';
import { latestHeartbeat, versionHistory, type FleetTerminal } from '../../store/fleet-kiosks';
import { AUTOMATIC_INSPECTOR_STAFF_ID, recentInspections } from '../../store/inspections';
import { chinaDay } from '../../time';
import { monthBounds, monthReport, type KioskRecord } from '../alarms';
import { isSilenceRule } from '../alarms/rules';
import { rulesOf } from '../alarms/state';
import { kioskRecord } from '../fleet-monitor';
import { kioskVideoCalls } from './kiosk-video-calls';

/** What the console shows of a kiosk, read from the engine's record and the fleet tables. */

type InspectionView = z.infer<typeof InspectionViewSchema>;
type MonthFigures = z.infer<typeof MonthFiguresSchema>;

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

export async function kioskSummary(db: SqlQueries, terminal: FleetTerminal): Promise<KioskSummary> {
  const record = await kioskRecord(db, terminal.terminalId);
  const latest = (await latestHeartbeat(db, terminal.terminalId))?.heartbeat;
  return {
    terminalId: terminal.terminalId,
    stationId: terminal.stationId,
    // Enrolled (or configured) and never heard: the engine has no record of it yet.
    state: record?.state.status ?? 'pending',
    problems: record ? healthProblems(record) : [],
    lastHeartbeatAt: record ? iso(record.lastHeartbeatAt) : null,
    appVersion: latest?.appVersion ?? null,
    catalogVersion: latest?.catalogVersion ?? null,
    paperDaysLeft: latest?.paper?.daysLeft ?? null,
    outboxPending: latest?.outbox.pending ?? null,
    residentSessionActive: latest?.residentSessionActive ?? null,
    outOfService: await outOfServiceInForce(db, terminal.terminalId),
    openAlarms: await openAlarmCount(db, terminal.terminalId),
  };
}

function healthProblems(record: KioskRecord): string[] {
  return rulesOf(record)
    .filter((rule) => rule.alarm.phase !== 'quiet' && !isSilenceRule(rule.ruleId))
    .map((rule) => rule.ruleId);
}

export async function kioskDetail(
  db: SqlQueries,
  sealer: PlatformSealer,
  terminal: FleetTerminal,
  station: StationView,
  now: Date,
): Promise<KioskDetail> {
  const { terminalId } = terminal;
  const latest = await latestHeartbeat(db, terminalId);
  const alarms = await listAlarmRows(db, { terminalIds: [terminalId], limit: 1000 });
  const open = alarms.filter((alarm) => alarm.recoveredAt === null);
  const recovered = alarms.filter((alarm) => alarm.recoveredAt !== null).slice(0, 50);
  return {
    summary: await kioskSummary(db, terminal),
    station,
    heartbeat: latest?.heartbeat ?? null,
    heartbeatReceivedAt: latest?.receivedAt ?? null,
    timeline: await timeline(db, terminalId),
    alarms: [...open, ...recovered],
    commands: await recentCommands(db, terminalId, 50, now),
    inspections: await inspections(db, sealer, terminalId),
    versions: await versionHistory(db, terminalId),
    months: await months(db, terminalId, now),
    videoCalls: await kioskVideoCalls(db, terminalId, now),
  };
}

const TIMELINE_LENGTH = 200;

async function timeline(db: SqlQueries, terminalId: string): Promise<TimelineEntry[]> {
  const events: TimelineEntry[] = (await recentEvents(db, terminalId, TIMELINE_LENGTH)).map((stored) => ({
    kind: 'event',
    at: stored.event.occurredAt,
    receivedAt: stored.receivedAt,
    event: stored.event,
  }));
  const entries = [...events, ...(await recentTimeline(db, terminalId, TIMELINE_LENGTH))];
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, TIMELINE_LENGTH);
}

/**
 * Reports (postInspection) and the daily self-inspection's `inspection` events. A technician's
 * inspection comes as a report (its event would list it twice); a report signed with
 * AUTOMATIC_INSPECTOR_STAFF_ID counts as automatic too.
 */
async function inspections(db: SqlQueries, sealer: PlatformSealer, terminalId: string): Promise<InspectionView[]> {
  const reports: InspectionView[] = (await recentInspections(db, sealer, terminalId, 20)).map(
    ({ inspectionId, receivedAt, report }) => {
      const automatic = report.inspector.staffId === AUTOMATIC_INSPECTOR_STAFF_ID;
      return {
        inspectionId,
        receivedAt,
        automatic,
        outcome: report.outcome,
        finishedAt: report.finishedAt,
        failedDevices: report.devices.filter((device) => device.test === 'fail').map((device) => device.device),
        inspector: automatic ? null : report.inspector.name,
      };
    },
  );
  const automatic: InspectionView[] = [];
  for (const { event, receivedAt } of await recentEvents(db, terminalId, 20, ['inspection'])) {
    if (event.kind !== 'inspection' || !event.automatic) continue;
    automatic.push({
      inspectionId: event.eventId,
      receivedAt,
      automatic: true,
      outcome: event.outcome,
      finishedAt: event.occurredAt,
      failedDevices: [...event.failedDevices],
      inspector: null,
    });
  }
  return [...reports, ...automatic].sort((a, b) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt)).slice(0, 20);
}

/** This month and the previous eleven, in China Standard Time. */
async function months(db: SqlQueries, terminalId: string, now: Date): Promise<MonthFigures[]> {
  const history = (await kioskRecord(db, terminalId))?.history;
  const [year, month] = chinaDay(now).split('-').map(Number) as [number, number];
  const figures: MonthFigures[] = [];
  for (let back = 0; back < 12; back += 1) {
    const index = year * 12 + (month - 1) - back;
    const name = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    const bounds = monthBounds(name);
    if (!bounds.ok) throw new Error(`made an invalid month ${name}`);
    const report = history ? monthReport(history, name, now) : undefined;
    figures.push({
      month: name,
      uptime: report?.ok ? report.value.uptime : null,
      mttrSeconds: report?.ok && report.value.mttrMs !== null ? report.value.mttrMs / 1000 : null,
      alarms: await alarmsRaisedBetween(db, terminalId, iso(bounds.value.start), iso(bounds.value.end)),
    });
  }
  return figures;
}
