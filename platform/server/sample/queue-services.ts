import type { Priority, PriorityClass } from '../../contract/queue';

/**
 * SAMPLE queue services (取号) per station, written for this project. Each service has its own
 * prefix letter and daily cap (Novo SGA model), the priority classes it accepts with their
 * weights and printed labels (绿色通道), the average minutes a clerk spends per ticket, and two
 * sets of hours:
 *
 * - `issuingHours`: when tickets can be taken. The sample station's kiosk stands in the
 *   station's 24-hour self-service corner, so it may issue at any hour (00:00–24:00, every day),
 *   but a ticket is one day's number, so the platform issues one only while that day still has
 *   calling ahead (store/tickets.ts): before opening and over the lunch break the ticket waits
 *   for calling to start; after the last window closes, on Sundays and on public holidays there
 *   is none.
 * - `staffedHours`: when the (simulated) clerk calls tickets, at the service's average pace, on
 *   the working calendar (no calling on public holidays; working-day hours on make-up weekends).
 */

export interface DailyPeriod {
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  readonly days: readonly number[];
  /** Minutes since midnight, China Standard Time; `closes` may be 1440 (24:00). */
  readonly opens: number;
  readonly closes: number;
}

export interface QueueServiceConfig {
  readonly serviceCode: string;
  readonly name: string;
  readonly prefix: string;
  readonly dailyCap: number;
  readonly averageServiceMinutes: number;
  readonly priorities: readonly Priority[];
  readonly issuingHours: readonly DailyPeriod[];
  readonly staffedHours: readonly DailyPeriod[];
  /** Catalog themes whose matters this service handles; a general service (综合受理) takes any. */
  readonly themeIds: readonly string[];
  readonly general: boolean;
}

/** Which services each station has; the default applies to stations without their own list. */
export type QueueServiceDirectory = (stationId: string) => readonly QueueServiceConfig[];

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
const at = (hours: number, minutes = 0): number => hours * 60 + minutes;

export const PRIORITIES: Readonly<Record<PriorityClass, Priority>> = {
  normal: { class: 'normal', weight: 0, label: '普通' },
  elderly: { class: 'elderly', weight: 10, label: '老年人优先' },
  disabled: { class: 'disabled', weight: 10, label: '残疾人优先' },
  appointment: { class: 'appointment', weight: 20, label: '预约优先' },
};
const ALL_PRIORITIES = [PRIORITIES.normal, PRIORITIES.elderly, PRIORITIES.disabled, PRIORITIES.appointment];

const AROUND_THE_CLOCK: DailyPeriod[] = [{ days: EVERY_DAY, opens: 0, closes: at(24) }];
/** Village station hours (see sample/service-points.ts) plus a Saturday morning 延时服务. */
const VILLAGE_STAFFED: DailyPeriod[] = [
  { days: WEEKDAYS, opens: at(8), closes: at(11, 30) },
  { days: WEEKDAYS, opens: at(14), closes: at(17) },
  { days: [6], opens: at(9), closes: at(12) },
];
/** The sample station's own hours: the staffedHours of kiosk-config/default.json, which its kiosk shows. */
const DONGBU_STAFFED: DailyPeriod[] = [
  { days: WEEKDAYS, opens: at(8, 30), closes: at(12) },
  { days: WEEKDAYS, opens: at(13, 30), closes: at(17, 30) },
  { days: [6], opens: at(9), closes: at(12) },
];

type ServiceFields = Pick<
  QueueServiceConfig,
  'serviceCode' | 'name' | 'prefix' | 'dailyCap' | 'averageServiceMinutes' | 'themeIds' | 'general'
>;

const service = (fields: ServiceFields): QueueServiceConfig => ({
  ...fields,
  priorities: ALL_PRIORITIES,
  issuingHours: AROUND_THE_CLOCK,
  staffedHours: VILLAGE_STAFFED,
});

export const VILLAGE_QUEUE_SERVICES: readonly QueueServiceConfig[] = [
  service({
    serviceCode: 'social-insurance',
    name: '社保医保',
    prefix: 'A',
    dailyCap: 200,
    averageServiceMinutes: 6,
    themeIds: ['socialInsurance', 'medicalInsurance', 'socialSecurity'],
    general: false,
  }),
  service({
    serviceCode: 'civil-affairs',
    name: '民政救助',
    prefix: 'B',
    dailyCap: 100,
    averageServiceMinutes: 10,
    themeIds: ['socialAssistance', 'elderly', 'disability', 'civilAffairs'],
    general: false,
  }),
  service({
    serviceCode: 'general',
    name: '综合受理',
    prefix: 'C',
    dailyCap: 300,
    averageServiceMinutes: 8,
    themeIds: [],
    general: true,
  }),
];

/** The sample station (kiosk-config/default.json) and, by default, every other station. */
const BY_STATION: Readonly<Record<string, readonly QueueServiceConfig[]>> = {
  '370784-JZ-DB': VILLAGE_QUEUE_SERVICES.map((entry) => ({ ...entry, staffedHours: DONGBU_STAFFED })),
};

export const sampleQueueServices: QueueServiceDirectory = (stationId) =>
  BY_STATION[stationId] ?? VILLAGE_QUEUE_SERVICES;

/** The service for a matter: the first whose themes include one of the matter's, else 综合受理. */
export function serviceForThemes(
  services: readonly QueueServiceConfig[],
  themeIds: readonly string[],
): QueueServiceConfig | undefined {
  return (
    services.find((entry) => !entry.general && entry.themeIds.some((theme) => themeIds.includes(theme))) ??
    services.find((entry) => entry.general) ??
    services[0]
  );
}
