import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../logging/logger';
import { openStore, type Store } from '../store/open';

/**
 * The kiosk's store on disk, as the kiosk opens it (WAL, synchronous=FULL, every migration), in a
 * folder of its own: for tests of what only a real file shows (durability pragmas, the WAL, files
 * beside the store). `close()` closes the store and removes the folder.
 */
export function openDiskStore(prefix: string): { readonly dir: string; readonly store: Store; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const opened = openStore({ path: join(dir, 'kiosk.sqlite'), logger: silentLogger() });
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  return {
    dir,
    store,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
