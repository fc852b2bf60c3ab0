import type Database from 'better-sqlite3';
import type { LifeEventView } from '../api/find';
import { Channel } from '../../platform/contract/catalog';
import { z } from 'zod';

/** The stored life events (一件事), each with its matters in bundle order. */

interface LifeEventRow {
  id: string;
  name: string;
  description: string;
  matter_code: string;
  matter_name: string;
  channels: string;
}

const Channels = z.array(Channel);

export function listLifeEvents(db: Database.Database): LifeEventView[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.name, e.description, m.code AS matter_code, m.name AS matter_name, m.channels
       FROM catalog_life_event e
       JOIN catalog_life_event_matter em ON em.life_event_id = e.id
       JOIN catalog_matter m ON m.code = em.matter_code
       ORDER BY e.sort_order, em.position`,
    )
    .all() as LifeEventRow[];
  const events = new Map<string, LifeEventView>();
  for (const row of rows) {
    let event = events.get(row.id);
    if (!event) {
      event = { id: row.id, name: row.name, description: row.description, matters: [] };
      events.set(row.id, event);
    }
    event.matters.push({
      code: row.matter_code,
      name: row.matter_name,
      selfService: Channels.parse(JSON.parse(row.channels)).includes('selfService'),
    });
  }
  return [...events.values()];
}

/** One life event's matter codes in bundle order, or null when there is no such event. */
export function lifeEventMatterCodes(db: Database.Database, id: string): string[] | null {
  const codes = db
    .prepare('SELECT matter_code FROM catalog_life_event_matter WHERE life_event_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[];
  return codes.length > 0 ? codes : null;
}
