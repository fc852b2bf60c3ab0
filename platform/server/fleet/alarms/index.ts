/**
 * The fleet alarm engine: kiosk states (online, degraded, offline, missing), alarms raised and
 * cleared once, flapping collapsed, acknowledgements, and the monthly uptime and MTTR. Pure and
 * serialisable; the platform stores the FleetState and delivers the notices.
 */
export { acknowledge, type AcknowledgeError, type AcknowledgeRequest } from './acknowledge';
export { AlarmConfig, DEFAULT_ALARM_CONFIG, parseAlarmConfig, type AlarmConfigProblem } from './config';
export { evaluate, nextDeadline, CLOCK_SKEW_TOLERANCE_MS, type EngineError, type Evaluation } from './engine';
export { Fact, HealthSummary, type DeviceHealth, type HeartbeatFact } from './facts';
export { pruneHistory } from './history';
export type { Notice, NoticeKind } from './notices';
export { openAlarms, type OpenAlarm } from './open-alarms';
export { monthBounds, monthReport, uptimeBetween, type MonthError, type MonthReport } from './report';
export { alarmKey, severityOf, type AlarmKey, type RuleId, type Severity } from './rules';
export { emptyFleetState, type FleetState, type KioskRecord, type KioskState, type KioskStatus } from './state';
