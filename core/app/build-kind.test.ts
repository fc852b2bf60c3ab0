import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideBuildKind, decideDevMode, type BuildFacts } from './build-kind';

const ROOT = '/srv/bianmin-kiosk';
const checkout = (overrides: Partial<BuildFacts> = {}): BuildFacts => ({
  bundled: undefined,
  entry: `${ROOT}/scripts/start.ts`,
  root: ROOT,
  env: {},
  exists: (path) => path === `${ROOT}/.git`,
  ...overrides,
});

describe('the build kind', () => {
  it('is development for the TypeScript sources of a git checkout (git clone + npm start)', () => {
    expect(decideBuildKind(checkout())).toBe('development');
    expect(decideBuildKind(checkout({ entry: `file://${ROOT}/scripts/start.ts` }))).toBe('development');
  });

  it('is production for sources without .git (a tarball, an installed copy)', () => {
    expect(decideBuildKind(checkout({ exists: () => false }))).toBe('production');
  });

  it('is production for plain JavaScript without the bundler’s constant, even in a checkout', () => {
    expect(decideBuildKind(checkout({ entry: `${ROOT}/dist/start.js` }))).toBe('production');
    expect(decideBuildKind(checkout({ entry: undefined }))).toBe('production');
  });

  it('is what the bundler stamped, and only the exact word "development" means development', () => {
    expect(decideBuildKind(checkout({ bundled: 'production' }))).toBe('production');
    expect(decideBuildKind(checkout({ bundled: 'development', exists: () => false }))).toBe('development');
    expect(decideBuildKind(checkout({ bundled: 'Development' }))).toBe('production');
    expect(decideBuildKind(checkout({ bundled: '' }))).toBe('production');
  });

  it('can be made production by KIOSK_BUILD=production, never development by any variable', () => {
    expect(decideBuildKind(checkout({ env: { KIOSK_BUILD: 'production' } }))).toBe('production');
    expect(decideBuildKind(checkout({ bundled: 'development', env: { KIOSK_BUILD: 'production' } }))).toBe(
      'production',
    );
    const tarball = checkout({ exists: () => false });
    for (const env of [{ KIOSK_BUILD: 'development' }, { KIOSK_DEV: '1' }, { NODE_ENV: 'development' }]) {
      expect(decideBuildKind({ ...tarball, env })).toBe('production');
    }
  });
});

describe('development mode', () => {
  it('is on with KIOSK_DEV=1 (exactly) in a development build', () => {
    expect(decideDevMode('development', { KIOSK_DEV: '1' })).toEqual({ devMode: true, ignored: null });
    expect(decideDevMode('development', { KIOSK_DEV: 'true' })).toEqual({ devMode: false, ignored: null });
    expect(decideDevMode('development', {})).toEqual({ devMode: false, ignored: null });
  });

  it('is refused, with a reason for the log, in a production build', () => {
    const decision = decideDevMode('production', { KIOSK_DEV: '1' });
    expect(decision.devMode).toBe(false);
    expect(decision.ignored).toMatch(/KIOSK_DEV=1 is ignored: this is a production build/);
  });
});

describe('currentBuildKind, run for real', () => {
  // A copy of build-kind.ts run by tsx in a folder with and without .git: the real file system,
  // the real entry script, the real bundler constant absent.
  let dir: string;
  const probe = `import { currentBuildKind } from './build-kind.ts';\nconsole.log(currentBuildKind(import.meta.dirname, import.meta.filename));\n`;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-build-kind-'));
    writeFileSync(join(dir, 'build-kind.ts'), readFileSync(join(import.meta.dirname, 'build-kind.ts'), 'utf8'));
    writeFileSync(join(dir, 'probe.ts'), probe);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (env: NodeJS.ProcessEnv = {}) =>
    execFileSync(process.execPath, ['--import', 'tsx', join(dir, 'probe.ts')], {
      env: { PATH: process.env['PATH'], ...env },
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
    }).trim();

  it('says production without .git and development with it', () => {
    expect(run()).toBe('production');
    mkdirSync(join(dir, '.git'));
    expect(run()).toBe('development');
    expect(run({ KIOSK_BUILD: 'production' })).toBe('production');
    rmSync(join(dir, '.git'), { recursive: true });
    // A git worktree has a .git file, not a folder.
    writeFileSync(join(dir, '.git'), 'gitdir: /elsewhere\n');
    expect(run()).toBe('development');
  }, 30_000);
});
