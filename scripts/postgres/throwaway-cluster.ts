import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The PostgreSQL cluster the test and benchmark runs use: the one PLATFORM_TEST_POSTGRES_URL
 * names when it is set (.ci/run starts one and stops it itself), else a throwaway one started
 * here with scripts/postgres/cluster.sh and stopped when this process exits, however it exits.
 */
export type TestCluster = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

export function ensureTestCluster(root: string): TestCluster {
  const given = process.env['PLATFORM_TEST_POSTGRES_URL'];
  if (given !== undefined && given !== '') return { ok: true, url: given };
  const script = join(root, 'scripts/postgres/cluster.sh');
  const started = spawnSync(script, ['start'], { encoding: 'utf8' });
  if (started.status !== 0) {
    return { ok: false, reason: `could not start a PostgreSQL cluster: ${(started.stderr || started.stdout).trim()}` };
  }
  const values = new Map(
    started.stdout
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );
  const url = values.get('PLATFORM_TEST_POSTGRES_URL');
  const dir = values.get('PGCLUSTER_DIR');
  if (url === undefined || dir === undefined) return { ok: false, reason: `cluster.sh said: ${started.stdout}` };
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    spawnSync(script, ['stop', dir], { stdio: 'ignore' });
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  process.env['PLATFORM_TEST_POSTGRES_URL'] = url;
  return { ok: true, url };
}
