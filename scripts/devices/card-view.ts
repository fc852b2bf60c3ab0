import { createHash } from 'node:crypto';
import type { IdCard } from '../../drivers/idcard';
import { maskIdNumber, maskName } from '../../drivers/idcard';

/**
 * A card as the CLI prints it. Masked by default (docs/reliability.md §3.3: display masked): names and
 * document numbers through the driver's own maskers, and — beyond the brief's minimum, because they
 * identify a person as well — the address (region kept) and the birth date (year kept). The photo
 * and fingerprint are never printed: their size and sha256 are enough to see that the read worked.
 */
export function cardView(card: IdCard, unmasked: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(card) as Array<[string, unknown]>) {
    if (value instanceof Uint8Array) view[key] = digest(value);
    else if (unmasked || typeof value !== 'string') view[key] = value;
    else view[key] = maskField(key, value);
  }
  return view;
}

function maskField(key: string, value: string): string {
  switch (key) {
    case 'name':
    case 'chineseName':
    case 'englishName':
      return maskName(value);
    case 'idNumber':
    case 'passNumber':
      return maskIdNumber(value);
    case 'address':
      // 山东省安丘市兴安街道示例村100号 → 山东省安丘市********…: province and county stay readable.
      return [...value].map((c, i) => (i < 6 ? c : '*')).join('');
    case 'birthDate':
      return `${value.slice(0, 4)}-**-**`;
    case 'previousCardLink':
      return '*'.repeat([...value].length);
    default:
      return value;
  }
}

function digest(bytes: Uint8Array): { bytes: number; sha256: string } {
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
