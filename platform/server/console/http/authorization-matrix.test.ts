import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_ENDPOINTS, type ConsoleEndpoint, type ConsoleOperationId } from '../../../contract/console/endpoints';
import { ConsoleRole } from '../../../contract/console/users';
import { SEED_WORK_CALENDAR } from '../../../seed/work-calendar';
import type { FleetOperationId } from '../handler-types';
import { createConsoleTestPlatform, TEST_PASSWORD, type ConsoleTestPlatform } from '../testing/console-platform';
import { FLEET_OPERATIONS, recordingFleetHandlers, type SeamCall } from '../testing/seam-handlers';

/**
 * Every endpoint of the console table × every role: without a session 401, with a role the
 * table does not list 403 (and an audit entry), otherwise the request reaches its operation.
 * A new endpoint without a sample here fails the first test.
 */

interface Sample {
  readonly path: string;
  readonly body?: unknown;
  /** What the operation itself answers on this empty platform, when not its table status (no such station yet). */
  readonly reached?: number;
  /** Headers beside the browser's own (an upload's Content-Type). */
  readonly headers?: Record<string, string>;
}

const HELP_REQUEST = '/help-requests/AR-20260301-0001';
const STATION_SETTINGS = {
  helpRequests: { contactWithinHours: { callback: 12, homeVisit: 48, agentAtStation: 1 } },
};

const SAMPLES: Record<ConsoleOperationId, Sample> = {
  login: { path: '/session', body: { username: 'someone', password: TEST_PASSWORD } },
  getSession: { path: '/session' },
  logout: { path: '/session/logout', body: {} },
  changePassword: { path: '/session/password', body: { current: TEST_PASSWORD, next: 'another strong password' } },
  getFleet: { path: '/fleet?township=370784107' },
  getKiosk: { path: '/kiosks/kiosk-1' },
  issueCommand: { path: '/kiosks/kiosk-1/commands', body: { kind: 'restartApp' } },
  getCommand: { path: '/commands/CMD-7' },
  getScreenshot: { path: '/commands/CMD-7/screenshot' },
  revokeKiosk: { path: '/kiosks/kiosk-1/revocation', body: { reason: 'stolen from the station' } },
  listAlarms: { path: '/alarms' },
  acknowledgeAlarm: { path: '/alarms/ALM-3/acknowledgement', body: {} },
  createEnrolmentCode: { path: '/enrolment-codes', body: { stationId: 'station-1' } },
  listEnrolments: { path: '/enrolments' },
  approveEnrolment: { path: '/enrolments/ENR-5/approval', body: {} },
  rejectEnrolment: { path: '/enrolments/ENR-5/rejection', body: {} },
  listUsers: { path: '/users' },
  createUser: {
    path: '/users',
    body: {
      username: 'new.staff',
      displayName: '新站员',
      role: 'stationStaff',
      scope: { kind: 'station', stationId: 'station-1' },
      password: 'a long enough password',
    },
  },
  setUserDisabled: { path: '/users/U-1/disabled', body: { disabled: true } },
  getAudit: { path: '/audit' },
  getStatistics: { path: '/statistics?from=2026-03-01&to=2026-03-31' },
  exportLedger: { path: '/statistics/ledger?from=2026-03-01&to=2026-03-31&format=csv' },
  listQueueWindows: { path: '/queue/windows' },
  defineQueueWindow: {
    path: '/queue/stations/station-1/windows',
    body: { windowNo: 1, label: '1号窗口', serviceCodes: ['general'] },
    reached: 404,
  },
  getQueueWindow: { path: '/queue/stations/station-1/windows/1', reached: 404 },
  openQueueWindow: { path: '/queue/stations/station-1/windows/1/open', body: {}, reached: 404 },
  pauseQueueWindow: { path: '/queue/stations/station-1/windows/1/pause', body: {}, reached: 404 },
  closeQueueWindow: { path: '/queue/stations/station-1/windows/1/close', body: {}, reached: 404 },
  callNextTicket: { path: '/queue/stations/station-1/windows/1/call-next', body: {}, reached: 404 },
  recallTicket: { path: '/queue/stations/station-1/windows/1/recall', body: {}, reached: 404 },
  startTicket: { path: '/queue/stations/station-1/windows/1/start', body: {}, reached: 404 },
  finishTicket: { path: '/queue/stations/station-1/windows/1/finish', body: {}, reached: 404 },
  noShowTicket: { path: '/queue/stations/station-1/windows/1/no-show', body: {}, reached: 404 },
  transferTicket: {
    path: '/queue/stations/station-1/windows/1/transfer',
    body: { toService: 'general' },
    reached: 404,
  },
  listHelpRequests: { path: '/help-requests?status=open&overdue=true' },
  getHelpRequest: { path: HELP_REQUEST, reached: 404 },
  assignHelpRequest: { path: `${HELP_REQUEST}/assignment`, body: { assignee: 'me' }, reached: 404 },
  addHelpContact: {
    path: `${HELP_REQUEST}/contacts`,
    body: { channel: 'phone', outcome: 'reached', note: '约好明天上午' },
    reached: 404,
  },
  completeHelpRequest: { path: `${HELP_REQUEST}/completion`, body: { note: '已代办完成' }, reached: 404 },
  cancelHelpRequest: { path: `${HELP_REQUEST}/cancellation`, body: { reason: '居民已自行办理' }, reached: 404 },
  getStationSettings: { path: '/stations/station-1/settings', reached: 404 },
  putStationSettings: { path: '/stations/station-1/settings', body: STATION_SETTINGS, reached: 404 },
  listWorkOrders: { path: '/work-orders?status=open&overdue=true' },
  getWorkOrderKpis: { path: '/work-orders/kpis?from=2026-03-01&to=2026-03-31' },
  getWorkOrder: { path: '/work-orders/WO-20260302-0001', reached: 404 },
  recordWorkOrderCallback: {
    path: '/work-orders/WO-20260302-0001/callback',
    body: { at: '2026-03-03T10:00:00+08:00', satisfied: true, note: '已电话回访' },
    reached: 404,
  },
  recordWorkOrderFix: { path: '/work-orders/WO-20260302-0001/fix', body: { text: '已整改' }, reached: 404 },
  closeWorkOrder: { path: '/work-orders/WO-20260302-0001/closing', body: {}, reached: 404 },
  getWorkCalendarSummary: { path: '/work-calendar' },
  publishWorkCalendar: { path: '/work-calendar', body: SEED_WORK_CALENDAR },
  uploadVideoCallRecording: {
    path: '/video-calls/VC-20260302-0001/recording',
    body: 'webm bytes',
    headers: { 'content-type': 'video/webm' },
    reached: 404,
  },
};

const platforms: ConsoleTestPlatform[] = [];
afterEach(async () => {
  await Promise.all(platforms.splice(0).map((platform) => platform.close()));
});

async function setUp(): Promise<{ platform: ConsoleTestPlatform; calls: SeamCall[] }> {
  const calls: SeamCall[] = [];
  const platform = await createConsoleTestPlatform({ fleet: recordingFleetHandlers(calls) });
  platforms.push(platform);
  await platform.addUser('someone', 'technician');
  return { platform, calls };
}

describe('console authorization matrix', () => {
  it('has a sample request for every endpoint of the table', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(CONSOLE_ENDPOINTS.map((endpoint) => endpoint.operationId).sort());
  });

  for (const endpoint of CONSOLE_ENDPOINTS as readonly ConsoleEndpoint[]) {
    const operationId = endpoint.operationId as ConsoleOperationId;
    const sample = SAMPLES[operationId];
    const method = endpoint.method === 'post' ? 'POST' : 'GET';
    const path = `/console/api${sample.path}`;

    if (endpoint.roles === null) {
      it(`${endpoint.operationId}: needs no session`, async () => {
        const { platform } = await setUp();
        expect((await platform.request(method, path, { body: sample.body })).status).toBe(endpoint.status);
      });
      continue;
    }

    it(`${endpoint.operationId}: 401 without a session`, async () => {
      const { platform, calls } = await setUp();
      const response = await platform.request(method, path, { body: sample.body, headers: sample.headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(calls).toEqual([]);
    });

    for (const role of ConsoleRole.options) {
      const allowed = endpoint.roles.includes(role);
      it(`${endpoint.operationId} as ${role}: ${allowed ? 'reaches the operation' : '403'}`, async () => {
        const { platform, calls } = await setUp();
        await platform.addUser('tester', role);
        const browser = await platform.signIn('tester');
        const response = await platform.request(method, path, {
          as: browser,
          body: sample.body,
          headers: sample.headers,
        });
        if (!allowed) {
          expect(response.status).toBe(403);
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          expect(calls).toEqual([]);
          const denied = await platform.sql.all(
            "SELECT username, target, outcome FROM console_audit WHERE action = 'access.denied'",
          );
          expect(denied).toEqual([{ username: 'tester', target: endpoint.operationId, outcome: 'denied' }]);
          return;
        }
        if ((FLEET_OPERATIONS as readonly string[]).includes(endpoint.operationId)) {
          expect(response.status).toBe(409);
          expect(calls).toEqual([
            expect.objectContaining({ operationId: endpoint.operationId as FleetOperationId, username: 'tester' }),
          ]);
        } else if (sample.reached !== undefined) {
          expect([endpoint.status, sample.reached], response.text).toContain(response.status);
        } else {
          expect(response.status, response.text).toBe(sample.reached ?? endpoint.status);
        }
      });
    }
  }
});
