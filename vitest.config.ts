import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

const NODE_ROOTS = [
  'core',
  'drivers',
  'electron',
  'platform',
  'kiosk-config',
  'packaging',
  'scripts',
  'tools',
  'tests/integration',
  'tests/fuzz',
  'tests/docs',
];
const NODE_TESTS = `{${NODE_ROOTS.join(',')}}/**/*.test.ts`;
const RENDERER_TESTS = 'renderer/**/*.test.{ts,tsx}';

/**
 * Test files that replace a module (vi.mock) need a module registry of their own: in a shared one,
 * another file may already have loaded the real module. Found by reading the files, so a new one
 * is isolated without anyone listing it.
 */
function withModuleMocks(roots: readonly string[], suffix: RegExp): string[] {
  return roots.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => suffix.test(path) && !path.includes('node_modules'))
      .map((path) => join(root, path))
      .filter((file) => readFileSync(file, 'utf8').includes('vi.mock(')),
  );
}
const NODE_MOCKING = withModuleMocks(NODE_ROOTS, /\.test\.ts$/);
const RENDERER_MOCKING = withModuleMocks(['renderer'], /\.test\.tsx?$/);

/**
 * Every other file shares its worker's module registry with the files before it (isolate: false):
 * importing the contract, zod and React once per worker instead of once per file made the suite
 * twice as fast. Each file still gets a fresh environment, and no test may leave state behind.
 */
const shared = { isolate: false } as const;

/**
 * On PostgreSQL (the platform suite's second run, docs/county-scale.md) every test platform is a
 * database cloned from a template: a second or so on a loaded 2-core machine, more than the
 * default 5 s budget allows a test that opens two.
 */
const onPostgres = process.env['PLATFORM_TEST_ENGINE'] === 'postgres';

const budgets = onPostgres ? ({ testTimeout: 60_000, hookTimeout: 120_000 } as const) : {};

export default defineConfig({
  test: {
    // More workers than cores: many tests wait on a PTY, a child process or a socket, and with one
    // worker a core (the default) the suite kept a 2-core machine half idle.
    maxWorkers: 4,
    // Node code and renderer code run in different environments, as they do in the kiosk.
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [NODE_TESTS],
          exclude: [...configDefaults.exclude, ...NODE_MOCKING],
          ...shared,
          ...budgets,
        },
      },
      {
        test: { name: 'node (module mocks)', environment: 'node', include: NODE_MOCKING, ...budgets },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: [RENDERER_TESTS],
          exclude: [...configDefaults.exclude, ...RENDERER_MOCKING],
          ...shared,
        },
      },
      {
        plugins: [react()],
        test: { name: 'renderer (module mocks)', environment: 'happy-dom', include: RENDERER_MOCKING },
      },
    ],
  },
});
