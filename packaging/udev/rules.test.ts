import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERIC_USB_SERIAL_BRIDGES, KNOWN_DEVICES, type KnownDevice } from './known-devices';
import { LOCAL_RULES_FILE, SHIPPED_RULES_FILE, checkTable, renderLocalRules, renderShippedRules } from './rules';

const HERE = import.meta.dirname;
const committed = (file: string) => readFileSync(join(HERE, file), 'utf8');
const ruleLines = (text: string) => text.split('\n').filter((l) => l.startsWith('ACTION'));

describe('the device table', () => {
  it('is well-formed: lowercase 4-digit ids, nothing ambiguous or unconfirmed ships', () => {
    expect(checkTable(KNOWN_DEVICES)).toEqual([]);
  });

  const reader: KnownDevice = {
    role: 'idcard',
    vendorId: '1a86',
    productId: '7523',
    name: 'a CH340 reader',
    subsystems: ['tty'],
    scope: 'shipped',
    source: { confirmed: true, ref: 'somewhere' },
  };
  it('refuses to ship a generic USB-serial bridge id, an unconfirmed id, or ids written wrongly', () => {
    expect(checkTable([reader])).toEqual([expect.stringMatching(/generic USB-serial bridge/)]);
    expect(
      checkTable([{ ...reader, vendorId: '1eab', productId: '1d06', source: { confirmed: false, why: 'x' } }]),
    ).toEqual([expect.stringMatching(/unconfirmed id cannot ship/)]);
    expect(checkTable([{ ...reader, vendorId: '1EAB', productId: '1d06' }])).toEqual([
      expect.stringMatching(/4 lowercase hex digits/),
    ]);
    expect(checkTable([{ ...reader, scope: 'station-local' }])).toEqual([]);
  });
});

describe('the generated rules files', () => {
  it('are up to date with the table (npx tsx packaging/udev/generate-rules.ts rewrites them)', () => {
    expect(committed(SHIPPED_RULES_FILE)).toBe(renderShippedRules(KNOWN_DEVICES));
    expect(committed(LOCAL_RULES_FILE)).toBe(renderLocalRules(KNOWN_DEVICES));
  });

  it('the generator says so too, with --check', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, 'generate-rules.ts'), '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('a table change makes them stale', () => {
    const more = [...KNOWN_DEVICES, { ...KNOWN_DEVICES.find((d) => d.role === 'printer')!, productId: 'ffff' }];
    expect(renderShippedRules(more)).not.toBe(committed(SHIPPED_RULES_FILE));
  });

  const shippedLines = ruleLines(committed(SHIPPED_RULES_FILE));
  it('ships one rule per shipped device node, each guarded, tagged for systemd and 0660', () => {
    const expected = KNOWN_DEVICES.filter((d) => d.scope === 'shipped').flatMap((d) => d.subsystems).length;
    expect(shippedLines).toHaveLength(expected);
    for (const line of shippedLines) {
      expect(line).toMatch(
        /^ACTION!="remove", SUBSYSTEM=="(tty|usbmisc|hidraw)", KERNEL=="[^"]+", ATTRS\{idVendor\}=="[0-9a-f]{4}", ATTRS\{idProduct\}=="[0-9a-f]{4}", SYMLINK\+="bianmin\/(idcard|printer|keypad|scanner)", /,
      );
      expect(line).toContain('MODE="0660"');
      expect(line).toMatch(/TAG\+="systemd"$/);
    }
  });

  it('keeps ModemManager off every tty it names and only there; groups follow the node kind', () => {
    for (const line of shippedLines) {
      const isTty = line.includes('SUBSYSTEM=="tty"');
      expect(line.includes('ENV{ID_MM_DEVICE_IGNORE}="1"')).toBe(isTty);
      const group = /GROUP="([a-z]+)"/.exec(line)?.[1];
      if (isTty) expect(group).toBe('dialout');
      if (line.includes('SUBSYSTEM=="usbmisc"')) expect(group).toBe('lp');
      if (line.includes('SUBSYSTEM=="hidraw"')) expect(group).toBe('plugdev');
    }
  });

  it('never names a generic USB-serial bridge in the shipped file', () => {
    for (const bridge of GENERIC_USB_SERIAL_BRIDGES) {
      const ids = `ATTRS{idVendor}=="${bridge.vendorId}", ATTRS{idProduct}=="${bridge.productId}"`;
      expect(shippedLines.filter((l) => l.includes(ids))).toEqual([]);
    }
  });
});
