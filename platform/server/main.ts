import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSeedCatalog } from '../seed';
import type { TerminalRegistration } from './store/terminals';
import { PlatformStartError, startPlatformServer } from './start';

/**
 * `npm run platform -- --port 8787 --db ./platform.db --terminal kiosk-1:<token>[:<stationId>]
 * --admin-token <token>`: the reference platform as a standalone process. Prints exactly one line
 * when listening; logs go to stderr as JSON lines.
 */

const USAGE = `usage: npm run platform -- [--port <n>] [--db <file>] [--terminal <id>:<token>[:<stationId>]]... [--admin-token <t>]`;

function parseTerminal(spec: string): TerminalRegistration | undefined {
  // Tokens are token68 and contain no ':', so the split is unambiguous.
  const [id, token, stationId, ...rest] = spec.split(':');
  if (!id || !token || rest.length > 0) return undefined;
  return { id, token, stationId: stationId ?? 'default-station' };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      db: { type: 'string', default: join(tmpdir(), 'bianmin-platform.db') },
      terminal: { type: 'string', multiple: true, default: [] },
      'admin-token': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  const terminals = values.terminal.map(parseTerminal);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || terminals.includes(undefined)) {
    console.error(USAGE);
    process.exit(2);
  }
  const log = (level: string, message: string, fields?: Record<string, unknown>) =>
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);

  const server = await startPlatformServer({
    dbPath: values.db,
    port,
    terminals: terminals.filter((terminal) => terminal !== undefined),
    adminToken: values['admin-token'],
    seedCatalog: loadSeedCatalog,
    log,
  });
  if (terminals.length === 0) log('warn', 'no --terminal given: every /api/v1 request will get 401');
  console.log(`platform listening on ${server.baseUrl}`);

  const stop = (signal: string) => {
    log('info', 'stopping', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log('error', 'stop failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof PlatformStartError ? error.message : error);
  process.exit(1);
});
