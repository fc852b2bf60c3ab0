import type { SqlQueries } from '../db/sql';
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

export async function findMaterial(db: SqlQueries, sha256: string): Promise<MaterialReceipt | undefined> {
  const row = await db.get<MaterialRow>(
    'SELECT sha256, size, content_type AS "contentType", stored_at AS "storedAt" FROM materials WHERE sha256 = ?',
    [sha256],
  );
  return row && { ...row };
}

/** Stores the bytes unless they are already there; `created` says which. */
export function storeMaterial(
  db: SqlQueries,
  sealer: PlatformSealer,
  material: { sha256: string; contentType: MaterialContentType; bytes: Uint8Array; terminalId: string },
  now: Date,
): Promise<{ readonly receipt: MaterialReceipt; readonly created: boolean }> {
  // The primary key decides between two uploads of the same page at once: one inserts, the other
  // reads the stored row (committed by then: ON CONFLICT waits for the inserting transaction).
  return db.transaction(async (tx) => {
    const info = await tx.run(
      `INSERT INTO materials (sha256, size, content_type, sealed_bytes, uploaded_by, stored_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
      [
        material.sha256,
        material.bytes.byteLength,
        material.contentType,
        sealer.seal(SEALED, material.sha256, material.bytes),
        material.terminalId,
        now.toISOString(),
      ],
    );
    const receipt = await findMaterial(tx, material.sha256);
    if (!receipt) throw new Error(`material ${material.sha256} vanished inside its own transaction`);
    return { receipt, created: info.changes === 1 };
  });
}

/** The plain bytes, for staff handling the application; undefined when not held. */
export async function readMaterialBytes(
  db: SqlQueries,
  sealer: PlatformSealer,
  sha256: string,
): Promise<Buffer | undefined> {
  const row = await db.get<{ sealed_bytes: unknown }>('SELECT sealed_bytes FROM materials WHERE sha256 = ?', [sha256]);
  return row?.sealed_bytes instanceof Buffer ? sealer.open(SEALED, sha256, row.sealed_bytes) : undefined;
}

export async function materialCount(db: SqlQueries): Promise<number> {
  const row = await db.get<{ count: number }>('SELECT count(*) AS count FROM materials');
  return row?.count ?? 0;
}
