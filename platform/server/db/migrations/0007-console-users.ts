import type { Migration } from '../migration';

/**
 * The county console's people (docs/console.md): users with a role and a scope, their sessions
 * and the audit log. Sessions live here rather than in memory so several platform instances can
 * share them; only the sha256 of a session id is stored, so a copy of the database opens no
 * session. The password column holds scrypt's parameters beside the hash
 * (`scrypt$N$r$p$salt$hash`), so the cost can be raised later and old hashes still verify.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'console-users',
  up(db) {
    db.exec(`
      CREATE TABLE console_users (
        user_id         INTEGER PRIMARY KEY,
        username        TEXT NOT NULL UNIQUE,
        display_name    TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('countyAdmin', 'townshipAdmin', 'technician', 'stationStaff')),
        scope           TEXT NOT NULL CHECK (json_valid(scope)),
        password_hash   TEXT NOT NULL,
        disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at      TEXT NOT NULL,
        last_login_at   TEXT,
        failed_logins   INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
        locked_until    TEXT
      ) STRICT;

      CREATE TABLE console_sessions (
        token_hash          TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
        user_id             INTEGER NOT NULL REFERENCES console_users (user_id) ON DELETE CASCADE,
        created_at          TEXT NOT NULL,
        idle_expires_at     TEXT NOT NULL,
        absolute_expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX console_sessions_by_user ON console_sessions (user_id);
      CREATE INDEX console_sessions_by_expiry ON console_sessions (idle_expires_at);

      CREATE TABLE console_audit (
        audit_id      INTEGER PRIMARY KEY AUTOINCREMENT,
        at            TEXT NOT NULL,
        username      TEXT,
        actor_township TEXT,
        action        TEXT NOT NULL,
        target        TEXT,
        outcome       TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
        ip            TEXT NOT NULL,
        detail        TEXT
      ) STRICT;
      CREATE INDEX console_audit_by_user ON console_audit (username, audit_id);
      CREATE INDEX console_audit_by_township ON console_audit (actor_township, audit_id);
    `);
  },
};
