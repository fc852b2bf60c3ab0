import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { ServiceState } from '../../api/service-state';

/**
 * Out of service by a remote command, with the staff's message for residents. Kept in a file in
 * the data folder (`out-of-service.json`, present means out of service), written whole and synced
 * before it is renamed into place, so a restart, a crash or a power cut comes back out of service
 * until staff say otherwise. A file rather than a store table: it is one flag of the device, read
 * once at start, and needs no migration. Every change is published at once (the renderer through
 * `service.changed`, the fleet's event recorder); a repeated command with the same message changes
 * nothing and publishes nothing.
 */
export interface OutOfService {
  state(): ServiceState;
  /** Answers whether anything changed. */
  set(change: { readonly on: true; readonly message: string } | { readonly on: false }): boolean;
  onChange(listener: (state: ServiceState) => void): () => void;
}

export const OUT_OF_SERVICE_FILE = 'out-of-service.json';

const Stored = z.strictObject({ message: z.string().min(1).max(120), since: z.iso.datetime({ offset: true }) });

export function createOutOfService(deps: {
  readonly dataDir: string;
  readonly now: () => Date;
  /** A file that cannot be read as ours (hand-edited, half a disk) is reported and counts as out of service. */
  readonly onUnreadable?: (error: unknown) => void;
}): OutOfService {
  const path = join(deps.dataDir, OUT_OF_SERVICE_FILE);
  const listeners = new Set<(state: ServiceState) => void>();
  const load = (): ServiceState => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'inService' };
      throw error;
    }
    const parsed = Stored.safeParse(safeJson(text));
    if (parsed.success) return { state: 'outOfService', ...parsed.data };
    // Staff asked for it to be stopped; a damaged note must not put it back in service.
    deps.onUnreadable?.(parsed.error);
    return { state: 'outOfService', message: '—', since: deps.now().toISOString() };
  };
  let current = load();

  const write = (stored: z.infer<typeof Stored>) => {
    const temporary = join(dirname(path), `.${OUT_OF_SERVICE_FILE}.${process.pid}.tmp`);
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(stored));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    syncFolder(dirname(path));
  };

  return {
    state: () => current,
    set(change) {
      if (change.on) {
        if (current.state === 'outOfService' && current.message === change.message) return false;
        // A new message keeps the time the kiosk first went out of service.
        const since = current.state === 'outOfService' ? current.since : deps.now().toISOString();
        write({ message: change.message, since });
        current = { state: 'outOfService', message: change.message, since };
      } else {
        if (current.state === 'inService') return false;
        rmSync(path, { force: true });
        syncFolder(dirname(path));
        current = { state: 'inService' };
      }
      for (const listener of [...listeners]) listener(current);
      return true;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The rename or removal itself is durable only once the folder's entry is synced. */
function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
