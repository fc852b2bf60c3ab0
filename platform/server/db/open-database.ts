import { err, ok, type Result } from '../../../core/pure/result';
import type { PlatformSealer } from '../sealing/sealer';
import type { DatabaseConfig } from './database-config';
import { openPlatformDb, type DbOpenError } from './open';
import { openPostgresDb } from './postgres/open';
import type { SqlDb } from './sql';
import { sqliteSqlDb } from './sqlite-sql';

/** Opens (and migrates) the platform's database on whichever engine the config names. */
export async function openDatabase(
  config: DatabaseConfig,
  sealer: PlatformSealer,
): Promise<Result<SqlDb, DbOpenError>> {
  if (config.engine === 'sqlite') {
    const opened = openPlatformDb(config.path, sealer);
    return opened.ok ? ok(sqliteSqlDb(opened.value)) : err(opened.error);
  }
  return openPostgresDb({ url: config.url, password: config.password, maxConnections: config.maxConnections }, sealer);
}
