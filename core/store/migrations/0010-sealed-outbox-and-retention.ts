import type { Migration } from '../migration';

/**
 * Every outbox body sealed at rest, and what the retention purge needs (core/retention):
 *
 * - Two triggers refuse an outbox row whose body is not sealed: `body` must be 'null' and the
 *   bytes in `body_blob` must be AES-256-GCM sealed (`sealed = 1`), except the empty blob a sent
 *   row keeps once its bytes were dropped. A code path that forgets to seal fails loudly instead
 *   of writing a phone number in clear. Rows written before this migration keep their plain JSON
 *   until the start-up upgrade (core/outbox/sealed-at-rest.ts) seals them with the data key, which
 *   a migration does not have.
 * - rated_service: after a delivered rating is purged, the keyed hash of the service it rated
 *   (kind and reference, HMAC under the data key) and the day, so 一次一评 still holds for a
 *   service looked up again later (a case number comes back at every progress lookup). Nothing
 *   in it can be read back without the key.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'sealed-outbox-and-retention',
  up(db) {
    db.exec(`
      CREATE TRIGGER outbox_insert_sealed BEFORE INSERT ON outbox
      WHEN NEW.body != 'null' OR NEW.body_blob IS NULL OR NEW.sealed = 0
      BEGIN
        SELECT RAISE(ABORT, 'outbox bodies are stored sealed (body_blob with sealed = 1)');
      END;

      CREATE TRIGGER outbox_update_sealed BEFORE UPDATE OF body, body_blob, sealed ON outbox
      WHEN NEW.body != 'null' OR NEW.body_blob IS NULL OR (NEW.sealed = 0 AND length(NEW.body_blob) > 0)
      BEGIN
        SELECT RAISE(ABORT, 'outbox bodies are stored sealed (body_blob with sealed = 1)');
      END;

      CREATE TABLE rated_service (
        service_key TEXT PRIMARY KEY CHECK (length(service_key) = 64),
        rated_on TEXT NOT NULL CHECK (rated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
      ) STRICT;
    `);
  },
};
