import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_DEVICES } from './known-devices';
import {
  ID_PATH_PLACEHOLDER,
  LOCAL_RULES_FILE,
  SHIPPED_RULES_FILE,
  renderLocalRules,
  renderShippedRules,
} from './rules';
import { addEvent, loadRecording, type Recording } from './testing/recorded-device';
import { applyRules, parseRules, type UdevOutcome } from './testing/udev-matcher';
import { runUdevadmTest, sandboxUnavailable } from './testing/udevadm-sandbox';

/**
 * The committed rules against recorded devices (packaging/udev/fixtures/), twice: with our
 * evaluator of the rule syntax (testing/udev-matcher.ts) and, where root and unshare are at hand,
 * with udev's own engine (`udevadm test` over the recording as a sysfs tree,
 * testing/udevadm-sandbox.ts). Both must give the outcome written here.
 */

const FIXTURES = join(import.meta.dirname, 'fixtures');
const recording = (name: string): Recording =>
  loadRecording(join(FIXTURES, `${name}.walk.txt`), join(FIXTURES, `${name}.properties.txt`));

const shipped = readFileSync(join(import.meta.dirname, SHIPPED_RULES_FILE), 'utf8');
const localTemplate = readFileSync(join(import.meta.dirname, LOCAL_RULES_FILE), 'utf8');

/** The local file as a technician fills it in: the CH340 reader by its USB port, the example keypad. */
function filledLocalRules(idPath: string): string {
  return localTemplate
    .split('\n')
    .map((line) => {
      if (line.startsWith('#ACTION') && line.includes('"1a86"') && line.includes(ID_PATH_PLACEHOLDER)) {
        return line.slice(1).replace(ID_PATH_PLACEHOLDER, idPath);
      }
      if (line.startsWith('#ACTION') && line.includes('bianmin/keypad')) return line.slice(1);
      return line;
    })
    .join('\n');
}
const READER_PORT = 'pci-0000:00:14.0-usb-0:2:1.0';

type Files = Readonly<Record<string, string>>;
const SHIPPED_ONLY: Files = { [SHIPPED_RULES_FILE]: shipped };
const WITH_LOCAL: Files = { ...SHIPPED_ONLY, [LOCAL_RULES_FILE]: filledLocalRules(READER_PORT) };

interface Expected {
  symlinks: string[];
  group?: string;
  mode?: string;
  mmIgnored: boolean;
  systemdTag: boolean;
}
const NOTHING: Expected = { symlinks: [], mmIgnored: false, systemdTag: false };

const CASES: { fixture: string; files: Files; filesName: string; expected: Expected }[] = [
  { fixture: 'ch340-idcard', files: SHIPPED_ONLY, filesName: 'shipped rules', expected: NOTHING },
  {
    fixture: 'ch340-idcard',
    files: WITH_LOCAL,
    filesName: 'shipped + filled local rules',
    expected: { symlinks: ['bianmin/idcard'], group: 'dialout', mode: '0660', mmIgnored: true, systemdTag: true },
  },
  { fixture: 'ch340-other', files: SHIPPED_ONLY, filesName: 'shipped rules', expected: NOTHING },
  { fixture: 'ch340-other', files: WITH_LOCAL, filesName: 'shipped + filled local rules', expected: NOTHING },
  {
    fixture: 'gprinter-usblp',
    files: SHIPPED_ONLY,
    filesName: 'shipped rules',
    expected: { symlinks: ['bianmin/printer'], group: 'lp', mode: '0660', mmIgnored: false, systemdTag: true },
  },
  { fixture: 'keypad-hidraw', files: SHIPPED_ONLY, filesName: 'shipped rules', expected: NOTHING },
  {
    fixture: 'keypad-hidraw',
    files: WITH_LOCAL,
    filesName: 'shipped + filled local rules',
    expected: { symlinks: ['bianmin/keypad'], group: 'plugdev', mode: '0660', mmIgnored: false, systemdTag: true },
  },
  {
    fixture: 'newland-scanner',
    files: SHIPPED_ONLY,
    filesName: 'shipped rules',
    expected: { symlinks: ['bianmin/scanner'], group: 'dialout', mode: '0660', mmIgnored: true, systemdTag: true },
  },
  { fixture: 'usb-mouse', files: WITH_LOCAL, filesName: 'shipped + filled local rules', expected: NOTHING },
  { fixture: 'usb-modem', files: WITH_LOCAL, filesName: 'shipped + filled local rules', expected: NOTHING },
];

function summary(outcome: UdevOutcome): Expected {
  return {
    symlinks: outcome.symlinks.filter((l) => l.startsWith('bianmin/')),
    ...(outcome.group === undefined ? {} : { group: outcome.group }),
    ...(outcome.mode === undefined ? {} : { mode: outcome.mode }),
    mmIgnored: outcome.properties['ID_MM_DEVICE_IGNORE'] === '1',
    systemdTag: outcome.tags.includes('systemd'),
  };
}

function evaluate(files: Files, rec: Recording): UdevOutcome {
  const rules = Object.keys(files)
    .sort()
    .flatMap((name) => parseRules(files[name] ?? '', name));
  return applyRules(rules, addEvent(rec));
}

describe('the rules against recorded devices (our evaluator)', () => {
  it.each(CASES)('$fixture with the $filesName', ({ fixture, files, expected }) => {
    expect(summary(evaluate(files, recording(fixture)))).toEqual(expected);
  });

  it('the files under test are what the table renders, so these cases cover the table', () => {
    expect(shipped).toBe(renderShippedRules(KNOWN_DEVICES));
    expect(localTemplate).toBe(renderLocalRules(KNOWN_DEVICES));
  });

  it('the local template, as shipped, names nothing: every rule in it is commented out', () => {
    expect(parseRules(localTemplate, LOCAL_RULES_FILE)).toEqual([]);
  });
});

const unavailable = sandboxUnavailable();
describe.skipIf(unavailable !== undefined)(
  `the rules against recorded devices (udevadm test, systemd's engine)${unavailable === undefined ? '' : `: skipped, ${unavailable}`}`,
  () => {
    it.each(CASES)('$fixture with the $filesName', ({ fixture, files, expected }) => {
      const outcome = runUdevadmTest(recording(fixture), files);
      // The systemd tag on tty comes from 99-systemd.rules too, which the sandbox does not load.
      expect(summary(outcome)).toEqual(expected);
    });

    it('udevadm reads every line of the shipped and local files without a syntax complaint', () => {
      const outcome = runUdevadmTest(recording('gprinter-usblp'), WITH_LOCAL);
      expect(outcome.complaints).toEqual([]);
    });

    it('… and the complaint check does see a bad line (an unknown key, an unknown group)', () => {
      const bad = { '70-bad.rules': 'KERNEL=="lp0", BOGUS="1"\nKERNEL=="lp0", GROUP="no-such-group"\n' };
      expect(runUdevadmTest(recording('gprinter-usblp'), bad).complaints).toEqual([
        expect.stringMatching(/70-bad\.rules:1 Invalid key 'BOGUS'/),
        expect.stringMatching(/70-bad\.rules:2 Unknown group 'no-such-group'/),
      ]);
    });
  },
);
