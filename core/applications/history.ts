import type Database from 'better-sqlite3';
import type { FormField } from '../../platform/contract/forms';
import type { DataSealer } from '../outbox/data-sealer';
import type { SignedIn } from '../session/resident-session-types';
import { latestOfApplicant } from './application-store';

/**
 * Values a resident may reuse from their latest earlier submission at this kiosk (Shizhong:
 * 历史数据自动填充): only the fields the form marks rememberable (phone, address …) and the last
 * mailing address, and only once they consented. Found by the keyed hash of the ID number.
 */
export function rememberedValues(
  db: Database.Database,
  sealer: DataSealer,
  applicant: SignedIn,
  form: readonly FormField[],
): { submittedAt: string; values: Record<string, string> } | null {
  const latest = latestOfApplicant(db, sealer, sealer.indexKey(applicant.person.idType, applicant.person.idNumber));
  if (!latest) return null;
  const values: Record<string, string> = {};
  for (const field of form) {
    if (!field.rememberable) continue;
    const value = latest.form.form[field.name];
    if (typeof value === 'string' && value.trim() !== '') values[field.name] = value;
    else if (typeof value === 'number') values[field.name] = String(value);
  }
  const delivery = latest.form.delivery;
  if (delivery.method === 'mail') {
    values['delivery.recipient'] = delivery.recipient;
    values['delivery.phone'] = delivery.phone;
    values['delivery.regionCode'] = delivery.address.regionCode;
    values['delivery.province'] = delivery.address.province;
    values['delivery.city'] = delivery.address.city;
    values['delivery.county'] = delivery.address.county;
    values['delivery.detail'] = delivery.address.detail;
    if (delivery.address.postcode) values['delivery.postcode'] = delivery.address.postcode;
  }
  return Object.keys(values).length > 0 ? { submittedAt: latest.submittedAt, values } : null;
}
