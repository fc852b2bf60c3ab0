import type { MatterDetail } from '../api/contract';
import type { Guide } from '../../platform/contract/catalog';
import type { ReceiptBlock, ReceiptDocument } from '../../drivers/printer/receipt-document';

/**
 * The material checklist (办事材料清单) a resident takes home when they cannot finish today, so
 * they come back once with the right papers (docs/design-anchors.md §6.2). It carries the matter's
 * version, and a QR of the guide online. Printed in Chinese whatever the screen language, like
 * every paper of the station.
 */

/**
 * Where the guide of a matter can be read online: the QR on the checklist opens
 * `${GUIDE_BASE_URL}/<code>?v=<version>`. ONE constant on purpose: a placeholder address until the
 * county's government-service portal publishes its real guide pages; change it here only.
 */
export const GUIDE_BASE_URL = 'https://zwfw.example.gov.cn/guide';

export function guideUrl(code: string, version: number): string {
  return `${GUIDE_BASE_URL}/${encodeURIComponent(code)}?v=${version}`;
}

function materialLine(material: Guide['materials'][number]): string {
  const counts = [
    material.originals > 0 ? `原件${material.originals}份` : null,
    material.copies > 0 ? `复印件${material.copies}份` : null,
  ].filter((part): part is string => part !== null);
  const need = material.required ? '' : '（如有）';
  return `□ ${material.name}${need}：${counts.length > 0 ? counts.join('，') : '现场出示'}`;
}

export function checklistReceipt(
  matter: MatterDetail & { guide: Guide },
  options: { documentId: string; stationName: string; printedAt: string },
): ReceiptDocument {
  const { guide } = matter;
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: options.stationName, align: 'center' },
    { kind: 'text', text: '办事材料清单', align: 'center', bold: true, size: 2 },
    { kind: 'divider' },
    { kind: 'text', text: matter.name, bold: true },
    { kind: 'pair', label: '事项编码', value: matter.code },
    { kind: 'pair', label: '事项版本', value: `第${matter.version}版（清单${matter.catalogVersion}）` },
    { kind: 'divider' },
    { kind: 'text', text: '请带齐以下材料：', bold: true },
  ];
  if (guide.materials.length === 0) blocks.push({ kind: 'text', text: '本事项不需要提交材料。' });
  for (const material of guide.materials) {
    blocks.push({ kind: 'text', text: materialLine(material) });
    if (material.note) blocks.push({ kind: 'text', text: `  说明：${material.note}` });
  }
  blocks.push({ kind: 'divider' }, { kind: 'text', text: '办理地点和时间：', bold: true });
  for (const place of guide.placesAndHours) {
    blocks.push({ kind: 'text', text: `${place.name}（${place.address}）` }, { kind: 'text', text: place.hours });
    if (place.phone) blocks.push({ kind: 'pair', label: '电话', value: place.phone });
  }
  blocks.push(
    { kind: 'divider' },
    { kind: 'pair', label: '咨询电话', value: guide.contact.consultPhone },
    { kind: 'pair', label: '监督投诉', value: guide.contact.complaintPhone },
    { kind: 'qr', data: guideUrl(matter.code, matter.version), caption: '扫码查看办事指南' },
    { kind: 'text', text: `打印时间 ${options.printedAt}`, align: 'center' },
    { kind: 'feed', lines: 2 },
  );
  return { id: options.documentId, blocks };
}
