import { describe, expect, it } from 'vitest';
import { createPlatformSealer } from '../../sealing/sealer';
import { openTestDatabase } from '../../testing/test-database';

/**
 * The test database (testing/test-database.ts) on whichever engine the run is for: migrated to the
 * newest version and sealed under the test's data key. On PostgreSQL this is the first thing every
 * platform test needs, so it is checked on its own.
 */
// The first test on a cluster builds the migrated template, which takes seconds on a busy machine.
describe('openTestDatabase', { timeout: 120_000 }, () => {
  it('gives a migrated database whose data key check is the sealer’s', async () => {
    const sealer = createPlatformSealer(Buffer.alloc(32, 3));
    const database = await openTestDatabase(sealer);
    try {
      const stored = await database.db.get<{ keyCheck: string }>(
        'SELECT key_check AS "keyCheck" FROM data_key_check WHERE id = 1',
      );
      expect(stored).toEqual({ keyCheck: sealer.keyCheck });
      const counters = await database.db.get<{ count: number }>('SELECT count(*) AS count FROM day_sequences');
      expect(counters).toEqual({ count: 0 });
    } finally {
      await database.close();
    }
  });
});
