import { z } from 'zod';
import { ADMINS, ALL, OPERATORS, type ConsoleEndpoint } from './endpoint-shape';
import { STAFF_ENDPOINTS } from './staff-endpoints';
import { RemoteCommandRequest } from '../fleet';
import {
  Acknowledgement,
  AlarmList,
  AlarmPathParams,
  AlarmQuery,
  AlarmView,
  CommandView,
  CommandViewPathParams,
  EnrolmentCodeIssued,
  EnrolmentList,
  EnrolmentView,
  EnrolmentViewPathParams,
  FleetOverview,
  FleetQuery,
  KioskDetail,
  KioskPathParams,
  NewEnrolmentCode,
  Revocation,
} from './fleet-views';
import { AuditPage, AuditQuery, ConsoleSession, ConsoleUser, LoginRequest, NewConsoleUser } from './users';

/**
 * Every endpoint of the console API, once: the platform registers its routes from this table and
 * checks each request's role against `roles`; the console's client derives its calls and types
 * from it. Paths are under /console/api; every POST needs the X-CSRF-Token header of the session
 * (except the login itself, which has no session yet and is checked by Origin instead).
 */

export const CONSOLE_API_BASE_PATH = '/console/api';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'bianmin_console';

export { ADMINS, ALL, OPERATORS, STATION_WORKERS, type ConsoleEndpoint } from './endpoint-shape';

const CORE_ENDPOINTS = [
  {
    operationId: 'login',
    method: 'post',
    path: '/session',
    summary: 'Sign in',
    roles: null,
    body: LoginRequest,
    status: 201,
    response: ConsoleSession,
  },
  {
    operationId: 'getSession',
    method: 'get',
    path: '/session',
    summary: 'Who is signed in',
    roles: ALL,
    status: 200,
    response: ConsoleSession,
  },
  {
    operationId: 'logout',
    method: 'post',
    path: '/session/logout',
    summary: 'Sign out',
    roles: ALL,
    body: z.strictObject({}),
    status: 200,
    response: z.strictObject({}),
  },
  {
    operationId: 'changePassword',
    method: 'post',
    path: '/session/password',
    summary: 'Change my password',
    roles: ALL,
    body: z.strictObject({ current: z.string().min(1).max(200), next: NewConsoleUser.shape.password }),
    status: 200,
    response: z.strictObject({}),
  },

  {
    operationId: 'getFleet',
    method: 'get',
    path: '/fleet',
    summary: 'Every kiosk the user may see',
    roles: ALL,
    query: FleetQuery,
    status: 200,
    response: FleetOverview,
  },
  {
    operationId: 'getKiosk',
    method: 'get',
    path: '/kiosks/{terminalId}',
    summary: 'One kiosk in detail',
    roles: ALL,
    pathParams: KioskPathParams,
    status: 200,
    response: KioskDetail,
  },
  {
    operationId: 'issueCommand',
    method: 'post',
    path: '/kiosks/{terminalId}/commands',
    summary: 'Send a remote command',
    roles: OPERATORS,
    pathParams: KioskPathParams,
    body: RemoteCommandRequest,
    status: 201,
    response: CommandView,
  },
  {
    operationId: 'getCommand',
    method: 'get',
    path: '/commands/{commandId}',
    summary: 'A command and its result',
    roles: ALL,
    pathParams: CommandViewPathParams,
    status: 200,
    response: CommandView,
  },
  {
    operationId: 'getScreenshot',
    method: 'get',
    path: '/commands/{commandId}/screenshot',
    summary: "A screenshot command's image",
    roles: OPERATORS,
    pathParams: CommandViewPathParams,
    status: 200,
    response: 'png',
  },
  {
    operationId: 'revokeKiosk',
    method: 'post',
    path: '/kiosks/{terminalId}/revocation',
    summary: "Revoke a kiosk's token",
    roles: ADMINS,
    pathParams: KioskPathParams,
    body: Revocation,
    status: 200,
    response: z.strictObject({}),
  },

  {
    operationId: 'listAlarms',
    method: 'get',
    path: '/alarms',
    summary: 'Alarms, open first',
    roles: ALL,
    query: AlarmQuery,
    status: 200,
    response: AlarmList,
  },
  {
    operationId: 'acknowledgeAlarm',
    method: 'post',
    path: '/alarms/{alarmId}/acknowledgement',
    summary: 'Take ownership of an alarm',
    roles: OPERATORS,
    pathParams: AlarmPathParams,
    body: Acknowledgement,
    status: 200,
    response: AlarmView,
  },

  {
    operationId: 'createEnrolmentCode',
    method: 'post',
    path: '/enrolment-codes',
    summary: 'A one-time enrolment code for a station',
    roles: ADMINS,
    body: NewEnrolmentCode,
    status: 201,
    response: EnrolmentCodeIssued,
  },
  {
    operationId: 'listEnrolments',
    method: 'get',
    path: '/enrolments',
    summary: 'Kiosks asking to join',
    roles: ADMINS,
    status: 200,
    response: EnrolmentList,
  },
  {
    operationId: 'approveEnrolment',
    method: 'post',
    path: '/enrolments/{enrolmentId}/approval',
    summary: 'Let the kiosk join',
    roles: ADMINS,
    pathParams: EnrolmentViewPathParams,
    body: z.strictObject({}),
    status: 200,
    response: EnrolmentView,
  },
  {
    operationId: 'rejectEnrolment',
    method: 'post',
    path: '/enrolments/{enrolmentId}/rejection',
    summary: 'Refuse the kiosk',
    roles: ADMINS,
    pathParams: EnrolmentViewPathParams,
    body: z.strictObject({}),
    status: 200,
    response: EnrolmentView,
  },

  {
    operationId: 'listUsers',
    method: 'get',
    path: '/users',
    summary: 'Console users',
    roles: ['countyAdmin'],
    status: 200,
    response: z.strictObject({ users: z.array(ConsoleUser) }),
  },
  {
    operationId: 'createUser',
    method: 'post',
    path: '/users',
    summary: 'Add a console user',
    roles: ['countyAdmin'],
    body: NewConsoleUser,
    status: 201,
    response: ConsoleUser,
  },
  {
    operationId: 'setUserDisabled',
    method: 'post',
    path: '/users/{userId}/disabled',
    summary: 'Disable or enable a user (ends their sessions)',
    roles: ['countyAdmin'],
    pathParams: z.object({ userId: ConsoleUser.shape.userId }),
    body: z.strictObject({ disabled: z.boolean() }),
    status: 200,
    response: ConsoleUser,
  },
  {
    operationId: 'getAudit',
    method: 'get',
    path: '/audit',
    summary: 'The audit log',
    roles: ADMINS,
    query: AuditQuery,
    status: 200,
    response: AuditPage,
  },
] as const satisfies readonly ConsoleEndpoint[];

/** The whole table: sessions, users, the fleet (above), then station staff's areas, each in its own file. */
export const CONSOLE_ENDPOINTS = [...CORE_ENDPOINTS, ...STAFF_ENDPOINTS] as const;

export type ConsoleOperationId = (typeof CONSOLE_ENDPOINTS)[number]['operationId'];
export type ConsoleEndpointOf<Id extends ConsoleOperationId> = Extract<
  (typeof CONSOLE_ENDPOINTS)[number],
  { operationId: Id }
>;

export function consoleEndpoint(operationId: ConsoleOperationId): ConsoleEndpoint {
  const found = CONSOLE_ENDPOINTS.find((entry) => entry.operationId === operationId);
  if (!found) throw new Error(`no console endpoint ${operationId}`);
  return found;
}
