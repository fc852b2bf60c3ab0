import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { formatConfigError, loadKioskConfig, parseKioskConfig } from '../../../kiosk-config/load';
import { KioskConfig } from '../../../kiosk-config/schema';
import { damaged } from '../bytes';
import { mutated, nastyValue } from '../mutate';
import { check, syncProperty, type FuzzTarget, type TargetInstance } from '../target';
import { arbitraryFor } from '../zod-arbitrary';

/**
 * The station's configuration loader, kiosk-config/load.ts: whatever a technician's editor (or a
 * failing disk) leaves in the file, start-up gets either a config or a list of plain problems,
 * never an exception. Configs the schema allows are accepted.
 */

const DEFAULT_PATH = join(import.meta.dirname, '../../../kiosk-config/default.json');
const defaultText = readFileSync(DEFAULT_PATH, 'utf8');
const defaultConfig: unknown = JSON.parse(defaultText);
const SOURCE_PATH = '/etc/bianmin-kiosk/kiosk.json';

function checkOutcome(text: string, sourcePath = SOURCE_PATH) {
  const result = parseKioskConfig(text, sourcePath);
  if (result.ok) {
    check(isAbsolute(result.value.dataDir), 'data.dir did not resolve to an absolute path');
    const remote = result.value.config.platform.mode === 'remote';
    check((result.value.platformTokenPath !== null) === remote, 'a token path only for a remote platform');
    return result;
  }
  check(result.error.problems.length > 0, 'refused without saying why');
  for (const problem of result.error.problems) {
    check(typeof problem === 'string' && problem.trim().length > 0, 'an empty problem line');
  }
  check(formatConfigError(result.error).includes(result.error.problems[0]!), 'the message leaves out a problem');
  return result;
}

const stringify = (value: unknown) => JSON.stringify(value) ?? 'undefined';

const randomJson = syncProperty(
  'random-json',
  fc.oneof(fc.jsonValue(), nastyValue('json'), fc.dictionary(fc.string(), fc.jsonValue())),
  (value) => void checkOutcome(stringify(value)),
);

const mutatedDefault = syncProperty(
  'mutated-default-config',
  mutated(fc.constant(defaultConfig), 'json'),
  (value) => void checkOutcome(stringify(value)),
  { weight: 2 },
);

const schemaConfig = arbitraryFor(KioskConfig, { maxStringLength: 24 });

/**
 * The one rule the schema cannot hold, since it depends on where the config file is: the data key
 * must live outside data.dir (kiosk-config/load.ts). Worked out here on its own, as the oracle for
 * the one refusal a schema-valid config may get.
 */
function keyFileInsideDataDir(value: unknown): boolean {
  const data = (value as { data?: { dir?: unknown; keyFile?: unknown } }).data;
  if (typeof data?.dir !== 'string') return false;
  const base = dirname(SOURCE_PATH);
  const dataDir = resolve(base, data.dir);
  // Left out, the key goes to .kiosk-keys beside the data folder: inside it only when that is /.
  if (data.keyFile === undefined) return dataDir === '/';
  if (typeof data.keyFile !== 'string') return false;
  const fromDir = relative(dataDir, resolve(base, data.keyFile));
  return fromDir === '' || (!fromDir.startsWith('..') && !isAbsolute(fromDir));
}
const schemaDerived = syncProperty(
  'schema-derived-config',
  schemaConfig,
  (value) => {
    const result = checkOutcome(stringify(value), SOURCE_PATH);
    check(
      result.ok || keyFileInsideDataDir(value),
      `a config the schema allows was refused: ${result.ok ? '' : result.error.problems.join('; ')}`,
    );
  },
  { weight: 2 },
);

const mutatedSchemaDerived = syncProperty(
  'mutated-schema-derived-config',
  mutated(schemaConfig, 'json'),
  (value) => void checkOutcome(stringify(value)),
  { weight: 2 },
);

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** What editors and disks do to a file: bytes flipped, cut short, a BOM, comments, very deep nesting. */
const brokenText = fc.oneof(
  damaged(fc.constant(encoder.encode(defaultText))).map((bytes) => decoder.decode(bytes)),
  fc.nat({ max: defaultText.length }).map((at) => defaultText.slice(0, at)),
  fc.constant(`\ufeff${defaultText}`),
  fc.constant(defaultText.replace('{', '{\n  // the station\n')),
  fc.constant(defaultText.replace(/}\s*$/, ',}')),
  fc.constant('NaN'),
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .record({
      depth: fc.integer({ min: 1, max: 200_000 }),
      open: fc.constantFrom('[', '{"a":'),
      at: fc.constantFrom('root', 'platform'),
    })
    .map(({ depth, open, at }) => {
      const close = open === '[' ? ']' : '}';
      const nested = open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
      return at === 'root' ? nested : defaultText.replace(/"platform":\s*\{[^}]*\}/, `"platform": ${nested}`);
    }),
);
const brokenFiles = syncProperty('broken-text', brokenText, (text) => void checkOutcome(text), { weight: 2 });

export const configTarget: FuzzTarget = {
  name: 'config',
  setup(): Promise<TargetInstance> {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-config-'));
    const file = join(dir, 'kiosk.json');
    mkdirSync(join(dir, 'a-folder'));
    let n = 0;
    /** Through the file system too: missing files, folders, bytes that are not UTF-8. */
    const files = syncProperty(
      'config-files',
      fc.oneof(
        fc.record({ kind: fc.constant('text' as const), text: fc.oneof(brokenText, fc.constant(defaultText)) }),
        fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
        fc.constant({ kind: 'missing' as const }),
        fc.constant({ kind: 'folder' as const }),
      ),
      (input) => {
        n += 1;
        let path = file;
        if (input.kind === 'text') writeFileSync(file, input.text);
        else if (input.kind === 'bytes') writeFileSync(file, input.bytes);
        else if (input.kind === 'missing') path = join(dir, `missing-${n}.json`);
        else path = join(dir, 'a-folder');
        const result = loadKioskConfig(path);
        if (!result.ok) check(result.error.problems.length > 0, 'refused without saying why');
        if (input.kind === 'missing' || input.kind === 'folder') check(!result.ok, 'no file, yet a config');
      },
    );
    return Promise.resolve({
      properties: [randomJson, mutatedDefault, schemaDerived, mutatedSchemaDerived, brokenFiles, files],
      teardown: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};
