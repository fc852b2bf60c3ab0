import type Database from 'better-sqlite3';
import type { MaterialContentType, MaterialReceipt } from '../../contract/materials';
import type { PlatformSealer } from '../sealing/sealer';

/**
 * Material bytes (scans of ID cards, household registers, letters of authority), stored in the
 * database so a blob and its row can never disagree, and sealed. The name stays the sha256 of the
 * plain bytes: the kiosk and the application refer to a page by it.
 */

const SEALED = 'materials.sealed_bytes';

interface MaterialRow {
  sha256: string;
  size: number;
  contentType: MaterialContentType;
  storedAt: string;
}

export function findMaterial(db: Database.Database, sha256: string): MaterialReceipt | undefined {
  const row = db
    .prepare('SELECT sha256, size, content_type AS contentType, stored_at AS storedAt FROM materials WHERE sha256 = ?')
    .get(sha256) as MaterialRow | undefined;
  return row && { ...row };
}

/** Stores the bytes unless they are already there; `created` says which. */
export function storeMaterial(
  db: Database.Database,
  sealer: PlatformSealer,
  material: { sha256: string; contentType: MaterialContentType; bytes: Uint8Array; terminalId: string },
  now: Date,
): { readonly receipt: MaterialReceipt; readonly created: boolean } {
  return db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO materials (sha256, size, content_type, sealed_bytes, uploaded_by, stored_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
      )
      .run(
        material.sha256,
        material.bytes.byteLength,
        material.contentType,
        sealer.seal(SEALED, material.sha256, material.bytes),
        material.terminalId,
        now.toISOString(),
      );
    const receipt = findMaterial(db, material.sha256);
    if (!receipt) throw new Error(`material ${material.sha256} vanished inside its own transaction`);
    return { receipt, created: info.changes === 1 };
  })();
}

/** The plain bytes, for staff handling the application; undefined when not held. */
export function readMaterialBytes(db: Database.Database, sealer: PlatformSealer, sha256: string): Buffer | undefined {
  const sealed = db.prepare('SELECT sealed_bytes FROM materials WHERE sha256 = ?').pluck().get(sha256);
  return sealed instanceof Buffer ? sealer.open(SEALED, sha256, sealed) : undefined;
}

export function materialCount(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM materials').pluck().get() as number;
}
