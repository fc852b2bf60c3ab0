import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from './build';

const root = join(import.meta.dirname, '..');
/** Every `require("…")` in a bundle. */
function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? ''))].sort();
}

describe('buildElectron on this repository', () => {
  let outDir: string;
  let main: string;
  let preload: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-build-'));
    await buildElectron({ root, outDir, buildKind: 'production' });
    main = readFileSync(join(outDir, 'main.cjs'), 'utf8');
    preload = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
  }, 60_000);

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('writes both CommonJS bundles with source maps', () => {
    for (const name of ['main.cjs', 'main.cjs.map', 'preload.cjs', 'preload.cjs.map']) {
      expect(statSync(join(outDir, name)).size, name).toBeGreaterThan(0);
    }
    expect(main).toMatch(/sourceMappingURL=main\.cjs\.map/);
    expect(preload).toMatch(/sourceMappingURL=preload\.cjs\.map/);
  });

  it('keeps electron and native modules out of the main bundle', () => {
    const required = requiredModules(main);
    expect(required).toContain('electron');
    expect(required).toContain('better-sqlite3');
    expect(required).toContain('pino');
    // better-sqlite3's own source (its addon loader and error class) is not inlined.
    expect(main).not.toContain('better_sqlite3.node');
    expect(main).not.toMatch(/class SqliteError/);
  });

  it('stamps the build kind it was given, so the bundle does not guess it at run time', () => {
    expect(main).not.toContain('__KIOSK_BUILD_KIND__');
    expect(main).toMatch(/"production"/);
  });

  it('uses no import.meta in the CommonJS main bundle and stamps the app version', () => {
    expect(main).not.toContain('import.meta');
    // esbuild's stand-in for an import.meta it could not keep: `var import_meta = {};`
    expect(main).not.toMatch(/\bimport_meta\d*\b/);
    expect(main).not.toContain('__KIOSK_APP_VERSION__');
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(main).toContain(JSON.stringify(version));
  });

  it('builds a preload that needs nothing but electron (a sandboxed preload can require nothing else)', () => {
    expect(requiredModules(preload)).toEqual(['electron']);
    // zod must stay out: the preload imports only the zod-free core/api/channels.ts and bridge types.
    expect(preload.length).toBeLessThan(20_000);
  });

  it('runs the preload bundle as the sandbox would and exposes window.kiosk', async () => {
    const exposed = new Map<string, unknown>();
    const invoked: unknown[][] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: 1 })),
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return fakeElectron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs our own bundle, like the sandbox does
    const runBundle = new Function('require', 'module', 'exports', preload) as (
      require: (name: string) => unknown,
      module: { exports: object },
      exports: object,
    ) => void;
    runBundle(sandboxRequire, module, module.exports);
    const kiosk = exposed.get('kiosk') as { invoke(method: string, input: unknown): Promise<unknown> };
    expect(Object.keys(kiosk).sort()).toEqual(['invoke', 'on']);
    await expect(kiosk.invoke('kiosk.info', {})).resolves.toEqual({ ok: true, value: 1 });
    expect(invoked).toEqual([['kiosk:invoke', { method: 'kiosk.info', input: {} }]]);
  });
});

describe('buildElectron on a tree that uses import.meta', () => {
  it('fails the build instead of shipping a main process that crashes at load', async () => {
    const fixture = mkdtempSync(join(tmpdir(), 'kiosk-electron-import-meta-'));
    try {
      mkdirSync(join(fixture, 'electron', 'main'), { recursive: true });
      mkdirSync(join(fixture, 'electron', 'preload'), { recursive: true });
      writeFileSync(join(fixture, 'package.json'), JSON.stringify({ version: '1.0.0', dependencies: {} }));
      writeFileSync(
        join(fixture, 'electron', 'main', 'index.ts'),
        "export const data = new URL('./seed.csv', import.meta.url);\n",
      );
      writeFileSync(join(fixture, 'electron', 'preload', 'index.ts'), 'export {};\n');
      await expect(buildElectron({ root: fixture, outDir: 'out/electron', buildKind: 'production' })).rejects.toThrow(
        /import\.meta/,
      );
    } finally {
      rmSync(fixture, { recursive: true, force: true });
    }
  });
});
