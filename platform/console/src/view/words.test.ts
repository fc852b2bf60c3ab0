import { describe, expect, it } from 'vitest';
import type { AlarmView, CommandView } from '../../../contract/console/fleet-views';
import { createConsoleI18n } from '../i18n/create-i18n';
import { errorWords } from './errors';
import { may } from './permissions';
import {
  commandResultWords,
  commandWords,
  eventWords,
  ruleWords,
  sortAlarms,
  stateWords,
  timelineWords,
  type Translate,
} from './words';

const zh = createConsoleI18n('zh-CN');
const t = zh.t.bind(zh) as unknown as Translate;
const en = createConsoleI18n('en');
const tEn = en.t.bind(en) as unknown as Translate;

const base = {
  eventId: '0b8f7a59-5d7e-4d0c-9d1e-6f0b9c1a2b3c',
  occurredAt: '2026-03-01T08:00:00+08:00',
  sequence: 3,
  appVersion: '1.4.0',
};

describe('words for codes', () => {
  it('names states', () => {
    expect(stateWords(t, 'degraded')).toBe('异常');
    expect(stateWords(tEn, 'missing')).toBe('missing');
  });

  it('names rules, a device fault by its device', () => {
    expect(ruleWords(t, 'paper-low')).toBe('打印纸不足');
    expect(ruleWords(t, 'device-fault:printer')).toBe('凭条打印机故障');
    expect(ruleWords(tEn, 'device-fault:idCardReader')).toBe('ID card reader fault');
  });

  it('tells out-of-service on from off', () => {
    expect(commandWords(t, { kind: 'outOfService', on: true, message: '维护中' })).toBe('暂停服务');
    expect(commandWords(t, { kind: 'outOfService', on: false })).toBe('恢复服务');
    expect(commandWords(t, { kind: 'screenshot' })).toBe('截取待机画面');
  });

  it('says why a command was refused, and what a self-test found', () => {
    const command: CommandView = {
      commandId: 'CMD-9',
      terminalId: 'K-1',
      request: { kind: 'screenshot' },
      issuedAt: base.occurredAt,
      issuedBy: 'tech',
      expiresAt: base.occurredAt,
      deliveredAt: base.occurredAt,
      state: 'refused',
      result: { outcome: 'refused', finishedAt: base.occurredAt, reason: 'residentSessionActive' },
    };
    expect(commandResultWords(t, command)).toBe('群众正在办理，已拒绝');
    const selfTest: CommandView = {
      ...command,
      request: { kind: 'selfTest' },
      state: 'done',
      result: {
        outcome: 'done',
        finishedAt: base.occurredAt,
        selfTest: [{ device: 'printer', test: 'fail', code: 'paperOut' }],
      },
    };
    expect(commandResultWords(t, selfTest)).toBe('已完成；凭条打印机：未通过');
    expect(commandResultWords(t, { ...command, state: 'pending', result: null })).toBe('等待送达');
  });

  it('describes events with their codes in words', () => {
    expect(
      eventWords(t, {
        ...base,
        kind: 'deviceStatusChanged',
        device: 'printer',
        from: 'online',
        to: 'userError',
        code: 'paperOut',
      }),
    ).toBe('凭条打印机：正常 → 需现场处理（缺纸）');
    expect(eventWords(t, { ...base, kind: 'crashRestart', cause: 'watchdog' })).toBe('看门狗重启');
    expect(
      eventWords(t, {
        ...base,
        kind: 'rollback',
        from: '1.4.0',
        to: '1.3.2',
        reason: 'startFailed',
        at: base.occurredAt,
      }),
    ).toBe('版本回退：1.4.0 → 1.3.2');
    expect(eventWords(t, { ...base, kind: 'inspection', automatic: true, outcome: 'normal', failedDevices: [] })).toBe(
      '自动巡检：正常',
    );
  });

  it('describes alarm and state lines of the timeline', () => {
    expect(
      timelineWords(t, {
        kind: 'alarm',
        at: base.occurredAt,
        change: 'recovered',
        alarmId: 'ALM-1',
        rule: 'offline',
        by: null,
      }),
    ).toBe('已恢复：离线');
    expect(timelineWords(t, { kind: 'state', at: base.occurredAt, from: null, to: 'online' })).toBe('状态：无 → 在线');
  });
});

describe('sortAlarms', () => {
  const alarm = (alarmId: string, raisedAt: string, recoveredAt: string | null): AlarmView => ({
    alarmId,
    terminalId: 'K-1',
    stationId: 'ST-A',
    rule: 'offline',
    severity: 'major',
    raisedAt,
    recoveredAt,
    flapping: false,
    flappingChanges: null,
    acknowledged: null,
  });
  it('puts open alarms first, newest first', () => {
    const sorted = sortAlarms([
      alarm('ALM-1', '2026-03-01T08:00:00Z', '2026-03-01T09:00:00Z'),
      alarm('ALM-2', '2026-03-01T07:00:00Z', null),
      alarm('ALM-3', '2026-03-01T10:00:00Z', null),
    ]);
    expect(sorted.map((a) => a.alarmId)).toEqual(['ALM-3', 'ALM-2', 'ALM-1']);
  });
});

describe('errorWords', () => {
  it('words a refusal by its stable code', () => {
    expect(errorWords(t, { kind: 'problem', status: 403, code: 'forbidden', detail: 'x' })).toBe(
      '您的账号无权进行此操作。',
    );
    expect(errorWords(t, { kind: 'network', detail: 'Failed to fetch' })).toBe('无法连接平台，请检查网络后重试。');
    expect(
      errorWords(t, { kind: 'problem', status: 409, code: 'terminalAlreadyEnrolled', detail: 'K-1 is enrolled' }),
    ).toBe('操作未成功（409）：K-1 is enrolled');
  });
});

describe('may', () => {
  it('follows the roles of the console API table', () => {
    expect(may('technician', 'issueCommand')).toBe(true);
    expect(may('stationStaff', 'issueCommand')).toBe(false);
    expect(may('townshipAdmin', 'listUsers')).toBe(false);
    expect(may('countyAdmin', 'listUsers')).toBe(true);
    expect(may('technician', 'getAudit')).toBe(false);
    expect(may('stationStaff', 'getFleet')).toBe(true);
  });
});
