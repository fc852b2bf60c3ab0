import { describe, expect, it } from 'vitest';
import { CoBrowseState } from '../../../platform/contract/video-help';
import { buildCoBrowseState, isPersonalField } from './co-browse';
import { pickInput } from './media-inputs';
import { presenceFor } from './media-presence';

const field = (name: string, kind: 'text' | 'phone' | 'idNumber' | 'select' = 'text', extra = {}) => ({
  name,
  kind,
  prefillFrom: null,
  rememberable: false,
  ...extra,
});

describe('co-browse state', () => {
  it('marks names, ID numbers, phones, addresses and card-filled fields personal', () => {
    expect(isPersonalField(field('applicantName'))).toBe(true);
    expect(isPersonalField(field('idNo', 'idNumber'))).toBe(true);
    expect(isPersonalField(field('contact', 'phone'))).toBe(true);
    expect(isPersonalField(field('homeAddress'))).toBe(true);
    expect(isPersonalField(field('sex', 'select', { prefillFrom: 'applicantSex' }))).toBe(true);
    expect(isPersonalField(field('reason'))).toBe(false);
    expect(isPersonalField(field('householdSize'))).toBe(false);
  });

  const input = (personalValues: boolean) => ({
    screen: 'apply',
    title: '自助申报',
    matter: null,
    contribution: {
      step: { id: 'form', label: '填写表格' },
      steps: [{ id: 'delivery', label: '领取方式' }],
      fields: [
        { id: 'applicantName', label: '姓名', value: '张三', personal: true, proposable: false },
        { id: 'reason', label: '申请理由', value: 'x'.repeat(400), personal: false, proposable: true },
      ],
    },
    personalValues,
    elderMode: true,
    at: new Date('2026-11-21T08:00:00Z'),
  });

  it('masks personal values unless the resident allowed them, within the contract', () => {
    const masked = buildCoBrowseState(input(false));
    expect(CoBrowseState.parse(masked)).toEqual(masked);
    expect(masked.fields[0]).toEqual({
      id: 'applicantName',
      label: '姓名',
      value: null,
      personal: true,
      proposable: false,
    });
    expect(masked.fields[1]?.value).toHaveLength(300);
    expect(JSON.stringify(masked)).not.toContain('张三');
    expect(buildCoBrowseState(input(true)).fields[0]?.value).toBe('张三');
  });
});

const device = (kind: MediaDeviceKind, label: string, deviceId = label) =>
  ({ kind, label, deviceId, groupId: '' }) as MediaDeviceInfo;

describe('face camera and microphone by label', () => {
  const devices = [
    device('videoinput', 'HD Document Camera'),
    device('videoinput', 'USB Face Cam'),
    device('audioinput', 'USB Microphone'),
  ];

  it('picks the labelled input, never the document camera, and none when the label is missing', () => {
    expect(pickInput(devices, 'videoinput', 'face cam', 'Document')?.label).toBe('USB Face Cam');
    expect(pickInput(devices, 'videoinput', null, 'Document')?.label).toBe('USB Face Cam');
    expect(pickInput(devices, 'videoinput', 'Logitech', 'Document')).toBeNull();
    expect(pickInput(devices, 'audioinput', null, null)?.label).toBe('USB Microphone');
    expect(pickInput([devices[0]!], 'audioinput', null, null)).toBeNull();
  });

  it('reports presence where 视频帮办 is configured, nothing where it is not', async () => {
    const media = { enumerateDevices: () => Promise.resolve(devices) };
    expect(await presenceFor({ offered: false, reason: 'notConfigured' }, 'Document', media)).toEqual([]);
    const reports = await presenceFor({ offered: false, reason: 'noAgentOnDuty' }, 'Document', media);
    expect(reports.map((report) => [report.device, report.state])).toEqual([
      ['faceCamera', 'online'],
      ['microphone', 'online'],
    ]);
    const missing = await presenceFor(
      {
        offered: true,
        agentsOnDuty: 1,
        waiting: 0,
        recording: 'off',
        faceCameraLabel: 'Logitech',
        microphoneLabel: null,
        emulated: false,
      },
      'Document',
      { enumerateDevices: () => Promise.resolve([devices[0]!]) },
    );
    expect(missing.map((report) => [report.device, report.state])).toEqual([
      ['faceCamera', 'noDevice'],
      ['microphone', 'noDevice'],
    ]);
  });
});
