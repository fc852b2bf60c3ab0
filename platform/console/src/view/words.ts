import type { AlarmView, CommandView, KioskState, TimelineEntry } from '../../../contract/console/fleet-views';
import type { RemoteCommandRequest, TerminalEvent } from '../../../contract/fleet';

/**
 * Codes from the contract in words: the platform and the kiosk send codes only (never sentences),
 * and the console chooses the words in the reader's language.
 */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export const stateWords = (t: Translate, state: KioskState): string => t(`words:state.${state}`);

/** An alarm rule: `paper-low`, or `device-fault:printer` → "凭条打印机故障". */
export function ruleWords(t: Translate, rule: string): string {
  const fault = /^device-fault:(\w+)$/.exec(rule);
  if (fault?.[1] !== undefined) {
    const device = t(`words:device.${fault[1]}`, { defaultValue: fault[1] });
    return t('words:rule.deviceFault', { device });
  }
  return t(`words:rule.${rule}`, { defaultValue: rule });
}

export function commandWords(t: Translate, request: RemoteCommandRequest): string {
  if (request.kind === 'outOfService') return t(`words:command.${request.on ? 'outOfServiceOn' : 'outOfServiceOff'}`);
  return t(`words:command.${request.kind}`);
}

/** What came of a command: its state, and the refusal or self-test outcome in words. */
export function commandResultWords(t: Translate, command: CommandView): string {
  const result = command.result;
  if (result === null) return t(`words:commandState.${command.state}`);
  if (result.outcome === 'refused') return t(`words:refusal.${result.reason}`);
  const tests = (result.selfTest ?? []).map((entry) =>
    t('kiosk:selfTestResult', { device: t(`words:device.${entry.device}`), test: t(`kiosk:test.${entry.test}`) }),
  );
  return [t('words:commandState.done'), ...tests].join('；');
}

export function eventWords(t: Translate, event: TerminalEvent): string {
  switch (event.kind) {
    case 'boot':
      return t('words:event.boot');
    case 'crashRestart':
      return t(event.cause === 'watchdog' ? 'words:event.watchdogRestart' : 'words:event.crashRestart');
    case 'deviceStatusChanged':
      return t('words:event.deviceStatusChanged', {
        device: t(`words:device.${event.device}`),
        from: t(`words:deviceStatus.${event.from}`),
        to: t(`words:deviceStatus.${event.to}`),
        code: t(`words:deviceCode.${event.code}`),
      });
    case 'outOfService':
      return t(event.on ? 'words:event.outOfServiceOn' : 'words:event.outOfServiceOff', {
        origin: t(`words:origin.${event.origin}`),
      });
    case 'catalogUpdated':
      return t('words:event.catalogUpdated', { to: event.to });
    case 'rollback':
      return t('words:event.rollback', { from: event.from, to: event.to });
    case 'inspection':
      return t('words:event.inspection', {
        kind: t(event.automatic ? 'kiosk:automatic' : 'kiosk:human'),
        outcome: t(`words:inspectionOutcome.${event.outcome}`),
      });
    case 'paperRollChanged':
      return t('words:event.paperRollChanged', { capacity: event.rollCapacity });
  }
}

export function timelineWords(t: Translate, entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'event':
      return eventWords(t, entry.event);
    case 'alarm':
      return t(`words:alarmChange.${entry.change}`, { rule: ruleWords(t, entry.rule), by: entry.by ?? '' });
    case 'state':
      return t('words:stateChange', {
        from: entry.from === null ? t('common:none') : stateWords(t, entry.from),
        to: stateWords(t, entry.to),
      });
    case 'command':
      return t(`words:commandChange.${entry.change}`, { id: entry.commandId });
  }
}

/** Open alarms first (newest first among them), then recovered ones, newest first. */
export function sortAlarms(alarms: readonly AlarmView[]): AlarmView[] {
  return [...alarms].sort(
    (a, b) =>
      Number(a.recoveredAt !== null) - Number(b.recoveredAt !== null) ||
      Date.parse(b.raisedAt) - Date.parse(a.raisedAt),
  );
}
