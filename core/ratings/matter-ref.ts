import type Database from 'better-sqlite3';
import type { MatterRef } from '../../platform/contract/common';
import { getMatter } from '../catalog/catalog-store';

/**
 * The matter as the stored catalog holds it now, for records sent to the platform. Null when it
 * has left the catalog: that is never a reason to refuse a rating or a help request.
 */
export function currentMatterRef(db: Database.Database, matterCode: string): MatterRef | null {
  const matter = getMatter(db, matterCode);
  return matter ? { matterCode: matter.code, matterVersion: matter.version, matterName: matter.name } : null;
}
