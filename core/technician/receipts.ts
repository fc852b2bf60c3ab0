import type { KioskInfo } from '../api/contract';
import type { DeviceKind as PlatformDeviceKind, DeviceStatus } from '../../platform/contract/common';
import type { InspectionConsumable, InspectionReport } from '../../platform/contract/terminals';
import type { ReceiptBlock, ReceiptDocument } from '../../drivers/printer/receipt-document';
import { chinaDateTime } from '../time/china-time';

/**
 * Paper the technician takes away: the test page and the 巡检单. Printed in Chinese whatever the
 * screen language, like every receipt of the station.
 */

const DEVICE_NAMES: Record<PlatformDeviceKind, string> = {
  idCardReader: '身份证阅读器',
  printer: '凭条打印机',
  evaluationKeypad: '好差评评价器',
  documentCamera: '高拍仪',
  qrScanner: '扫码器',
  faceCamera: '摄像头',
  microphone: '麦克风',
  touchScreen: '触摸屏',
  speaker: '扬声器',
  network: '网络',
  ups: '不间断电源',
  other: '其他',
};
const STATUS_WORDS: Record<DeviceStatus, string> = {
  online: '正常',
  offline: '离线',
  noDevice: '未连接',
  hardwareError: '硬件故障',
  userError: '需处理',
  busy: '忙',
};
const TEST_WORDS = { pass: '通过', fail: '未通过', skipped: '未测试' } as const;
const OUTCOME_WORDS = { normal: '设备正常', fixedOnSite: '现场已修复', needsRepair: '需报修' } as const;
const CONSUMABLE_NAMES: Record<InspectionConsumable['kind'], string> = {
  receiptPaper: '凭条纸',
  printHead: '打印头',
  cleaningKit: '清洁',
  other: '其他',
};
const LEVEL_WORDS: Record<InspectionConsumable['level'], string> = {
  full: '充足',
  low: '偏少',
  out: '用完',
  unknown: '未知',
};

function stationHeader(info: KioskInfo, title: string): ReceiptBlock[] {
  return [
    { kind: 'text', text: title, align: 'center', bold: true, size: 2 },
    { kind: 'text', text: info.station.name, align: 'center' },
    { kind: 'pair', label: '终端', value: info.terminal.id },
    { kind: 'divider' },
  ];
}

export function testPageReceipt(info: KioskInfo, id: string, at: Date): ReceiptDocument {
  return {
    id,
    blocks: [
      ...stationHeader(info, '打印测试页'),
      { kind: 'pair', label: '时间', value: chinaDateTime(at) },
      { kind: 'pair', label: '软件版本', value: info.appVersion },
      { kind: 'text', text: '中文：便民服务站自助终端 ABCdef 0123456789' },
      { kind: 'text', text: '加粗 BOLD', bold: true },
      { kind: 'text', text: '居中 CENTER', align: 'center' },
      { kind: 'text', text: '大字', size: 2 },
      { kind: 'qr', data: `TEST ${info.terminal.id}`, caption: '二维码测试' },
      { kind: 'barcode128', data: 'TEST-0123456789' },
      { kind: 'text', text: '能看清以上内容即为正常', align: 'center' },
      { kind: 'feed', lines: 2 },
    ],
  };
}

export interface InspectionForPrint {
  readonly id: string;
  readonly platformId: string | null;
  readonly report: InspectionReport;
}

export function inspectionReceipt(info: KioskInfo, inspection: InspectionForPrint): ReceiptDocument {
  const { report } = inspection;
  const blocks: ReceiptBlock[] = [
    ...stationHeader(info, '设备巡检单'),
    { kind: 'pair', label: '巡检人', value: `${report.inspector.name}（${report.inspector.staffId}）` },
    ...(report.inspector.organisation
      ? [{ kind: 'pair' as const, label: '单位', value: report.inspector.organisation }]
      : []),
    { kind: 'pair', label: '开始', value: chinaDateTime(report.startedAt) },
    { kind: 'pair', label: '结束', value: chinaDateTime(report.finishedAt) },
    { kind: 'pair', label: '软件版本', value: report.appVersion },
    { kind: 'pair', label: '事项目录', value: report.catalogVersion ?? '无' },
    { kind: 'divider' },
    { kind: 'text', text: '设备', bold: true },
  ];
  for (const device of report.devices) {
    blocks.push({
      kind: 'pair',
      label: DEVICE_NAMES[device.device],
      value: `${STATUS_WORDS[device.status]} / ${TEST_WORDS[device.test]}`,
    });
    const identity = [device.model, device.serialNumber ? `SN ${device.serialNumber}` : null].filter(Boolean).join(' ');
    if (identity) blocks.push({ kind: 'text', text: `  ${identity}` });
  }
  if (report.consumables.length > 0) {
    blocks.push({ kind: 'divider' }, { kind: 'text', text: '耗材', bold: true });
    for (const item of report.consumables) {
      blocks.push({
        kind: 'pair',
        label: CONSUMABLE_NAMES[item.kind],
        value: `${LEVEL_WORDS[item.level]}${item.replaced ? '，已更换' : ''}`,
      });
    }
  }
  blocks.push(
    { kind: 'divider' },
    { kind: 'pair', label: '结论', value: OUTCOME_WORDS[report.outcome], bold: true },
    ...(report.notes ? [{ kind: 'text' as const, text: `备注：${report.notes}` }] : []),
    { kind: 'pair', label: '上报编号', value: inspection.platformId ?? '待上报' },
    { kind: 'pair', label: '本机编号', value: inspection.id },
    { kind: 'feed', lines: 1 },
    { kind: 'text', text: '巡检人签字：________________' },
    { kind: 'feed', lines: 2 },
  );
  return { id: `inspection-${inspection.id}`, blocks };
}
