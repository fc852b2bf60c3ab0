import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from './load';

const DEFAULT = join(import.meta.dirname, 'default.json');
const defaults = () => JSON.parse(readFileSync(DEFAULT, 'utf8')) as Record<string, unknown>;
const parse = (config: Record<string, unknown>) => parseKioskConfig(JSON.stringify(config), '/etc/kiosk.json');

describe('the fleet section of the kiosk config', () => {
  it('is in the shipped default config as documented', () => {
    const result = parse(defaults());
    expect(result.ok && result.value.config.fleet).toEqual({
      enabled: true,
      heartbeatSeconds: 60,
      selfInspectionAt: '06:30',
    });
  });

  it('is filled with the defaults in a config written before it, and part by part', () => {
    const old = defaults();
    delete old['fleet'];
    const result = parse(old);
    expect(result.ok && result.value.config.fleet).toEqual({
      enabled: true,
      heartbeatSeconds: 60,
      selfInspectionAt: '06:30',
    });
    const partial = parse({ ...old, fleet: { selfInspectionAt: '22:05' } });
    expect(partial.ok && partial.value.config.fleet).toEqual({
      enabled: true,
      heartbeatSeconds: 60,
      selfInspectionAt: '22:05',
    });
  });

  it('refuses a time that is not HH:MM, an interval out of range and unknown keys', () => {
    const problems = (fleet: unknown) => {
      const result = parse({ ...defaults(), fleet });
      if (result.ok) throw new Error('expected the config to be refused');
      return result.error.problems.join('\n');
    };
    expect(problems({ selfInspectionAt: '6:30' })).toMatch(/fleet\.selfInspectionAt/);
    expect(problems({ selfInspectionAt: '24:00' })).toMatch(/fleet\.selfInspectionAt/);
    expect(problems({ heartbeatSeconds: 5 })).toMatch(/fleet\.heartbeatSeconds: 5 is too small/);
    expect(problems({ heartbeatSecond: 60 })).toMatch(/heartbeatSecond/);
  });
});
