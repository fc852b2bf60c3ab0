import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSeedCatalog } from '../seed';
import { CREATE_ADMIN_USAGE, createAdmin, parseCreateAdminArgs } from './cli/create-admin';
import { DATABASE_OPTIONS, DATABASE_USAGE, databaseConfigFrom } from './cli/database-options';
import { readFleetConfigFile } from './cli/fleet-config-file';
import { VIDEO_HELP_CLI_OPTIONS, VIDEO_HELP_USAGE, videoHelpOptionsFrom } from './cli/video-help-options';
import { PUBLISH_CALENDAR_USAGE, parsePublishCalendarArgs, publishCalendarFile } from './cli/publish-calendar';
import { defaultConsoleDir } from './console-static/console-dir';
import { readAdminTokenFile, readTerminalsFile } from './cli/token-files';
import type { FleetOptions } from './fleet/settings';
import type { PlatformRetention } from './retention/policy';
import { PlatformStartError, startPlatformServer } from './start';
import type { TerminalRegistration } from './store/terminals';

/**
 * `npm run platform -- --port 8787 --db ./platform.db --terminals-file ./terminals
 * --admin-token-file ./admin-token --data-key-file /etc/bianmin/platform-data-key`: the reference
 * platform as a standalone process; `--database-url postgres://…` instead of `--db` puts it on
 * PostgreSQL (cli/database-options.ts, docs/county-scale.md). Tokens and the key come from files only (mode 0600), never
 * from the command line. Prints exactly one line when listening; logs go to stderr as JSON lines.
 *
 * `npm run platform -- create-admin …` makes the console's first county admin and exits
 * (cli/create-admin.ts); `npm run platform -- publish-calendar <file.json> --db …` publishes a newer
 * working calendar and exits (cli/publish-calendar.ts).
 */

const USAGE = `usage: npm run platform -- [--host <address>] [--port <n>]
    ${DATABASE_USAGE}
    [--terminals-file <file>] [--admin-token-file <file>] [--data-key-file <file>]
    [--requests-per-minute <n>] [--idempotency-days <n>] [--application-days <n>] [--service-record-days <n>]
    [--clock <date and time with zone, e.g. 2026-10-01T10:00:00+08:00>]
    [--console-secure-cookie] [--console-trust-proxy] [--fleet-config <json file>]
    ${VIDEO_HELP_USAGE}
  terminals file: one <terminalId>:<token>[:<stationId>] per line; every secret file mode 0600`;

const TOKENS_ON_COMMAND_LINE =
  '--terminal and --admin-token are no longer accepted: a token on the command line is visible to every user ' +
  'of the machine in `ps`. Put the terminals in a file (one <terminalId>:<token>[:<stationId>] per line, ' +
  'chmod 600) and pass --terminals-file; put the admin token in a file and pass --admin-token-file.';

const RETENTION_OPTIONS = {
  'idempotency-days': 'idempotencyDays',
  'application-days': 'applicationDays',
  'service-record-days': 'serviceRecordDays',
} as const satisfies Record<string, keyof PlatformRetention>;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseDays(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value)) fail(`--${option} takes a whole number of days`);
  return Number(value);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `--clock`: the platform's clock starts at this instant and runs on from there, so the reference
 * platform can stand beside a development kiosk started with KIOSK_CLOCK (tests and
 * demonstrations of a Sunday, a public holiday or a working morning). Without it, the machine's.
 */
function parseClock(value: string | undefined): (() => Date) | undefined {
  if (value === undefined) return undefined;
  const start = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(start)) fail(`--clock takes a date and time with its zone, such as 2026-10-01T10:00:00+08:00`);
  const offsetMs = start - Date.now();
  return () => new Date(Date.now() + offsetMs);
}

async function runCreateAdmin(args: readonly string[]): Promise<void> {
  const request = parseCreateAdminArgs(args);
  if (!request.ok) {
    console.error(`${request.error.message}\n${CREATE_ADMIN_USAGE}`);
    process.exit(2);
  }
  const created = await createAdmin(request.value, new Date());
  if (!created.ok) {
    console.error(created.error.message);
    process.exit(created.error.kind === 'usage' ? 2 : 1);
  }
  console.log(`created county admin ${created.value.username} (${created.value.userId})`);
}

async function runPublishCalendar(args: readonly string[]): Promise<void> {
  const request = parsePublishCalendarArgs(args);
  if (!request.ok) {
    console.error(`${request.error.message}\n${PUBLISH_CALENDAR_USAGE}`);
    process.exit(2);
  }
  const published = await publishCalendarFile(request.value, new Date());
  if (!published.ok) {
    console.error(published.error.message);
    process.exit(1);
  }
  const previous = published.value.previousVersion ?? 'none';
  console.log(
    `published work calendar ${published.value.version} (was ${previous}); kiosks fetch it on their next refresh`,
  );
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'create-admin') return runCreateAdmin(argv.slice(1));
  if (argv[0] === 'publish-calendar') return runPublishCalendar(argv.slice(1));
  if (argv.some((arg) => /^--(terminal|admin-token)(=|$)/.test(arg))) fail(TOKENS_ON_COMMAND_LINE);
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8787' },
        ...DATABASE_OPTIONS,
        'terminals-file': { type: 'string' },
        'admin-token-file': { type: 'string' },
        'data-key-file': { type: 'string' },
        'requests-per-minute': { type: 'string' },
        'idempotency-days': { type: 'string' },
        'application-days': { type: 'string' },
        'service-record-days': { type: 'string' },
        clock: { type: 'string' },
        'console-secure-cookie': { type: 'boolean' },
        'console-trust-proxy': { type: 'boolean' },
        'fleet-config': { type: 'string' },
        ...VIDEO_HELP_CLI_OPTIONS,
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port takes 0 to 65535');
  const perMinute = values['requests-per-minute'];
  // Per terminal; a county that sees kiosks catch up after long outages may raise it (docs/county-scale.md).
  if (perMinute !== undefined && (!/^[0-9]+$/.test(perMinute) || Number(perMinute) < 1)) {
    fail('--requests-per-minute takes a whole number of requests per terminal and minute');
  }
  const database = databaseConfigFrom(values, join(tmpdir(), 'bianmin-platform.db'));
  if (!database.ok) fail(database.error);

  let terminals: TerminalRegistration[] = [];
  if (values['terminals-file'] !== undefined) {
    const read = readTerminalsFile(values['terminals-file']);
    if (!read.ok) fail(read.error);
    terminals = read.value;
  }
  let adminToken: string | undefined;
  if (values['admin-token-file'] !== undefined) {
    const read = readAdminTokenFile(values['admin-token-file']);
    if (!read.ok) fail(read.error);
    adminToken = read.value;
  }
  const retention: Partial<Record<keyof PlatformRetention, number>> = {};
  for (const [option, field] of Object.entries(RETENTION_OPTIONS)) {
    const days = parseDays(option, values[option as keyof typeof RETENTION_OPTIONS]);
    if (days !== undefined) retention[field] = days;
  }

  let fleet: FleetOptions | undefined;
  if (values['fleet-config'] !== undefined) {
    const read = readFleetConfigFile(values['fleet-config']);
    if (!read.ok) fail(read.error);
    fleet = read.value;
  }

  const videoHelp = videoHelpOptionsFrom(values);
  if (!videoHelp.ok) fail(videoHelp.error);

  const now = parseClock(values.clock);
  const log = (level: string, message: string, fields?: Record<string, unknown>) =>
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);

  const server = await startPlatformServer({
    database: database.value,
    host: values.host,
    ...(perMinute === undefined ? {} : { limits: { requestsPerMinute: Number(perMinute) } }),
    port,
    terminals,
    adminToken,
    dataKeyFile: values['data-key-file'],
    retention,
    seedCatalog: loadSeedCatalog,
    log,
    fleet,
    consoleDir: defaultConsoleDir(),
    console: {
      forceSecureCookie: values['console-secure-cookie'] === true,
      trustProxy: values['console-trust-proxy'] === true,
    },
    ...(videoHelp.value === undefined ? {} : { videoHelp: videoHelp.value }),
    ...(now ? { now } : {}),
  });
  if (now) log('info', `--clock: the platform's clock started at ${values.clock ?? ''}`);
  if (terminals.length === 0) {
    log('warn', 'no --terminals-file given: only kiosks enrolled through the console (docs/fleet.md) can call /api/v1');
  }
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
