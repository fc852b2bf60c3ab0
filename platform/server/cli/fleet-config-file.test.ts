import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFleetSettings } from '../fleet/settings';
import { readFleetConfigFile } from './fleet-config-file';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fleet-config-')), 'fleet.json');
  writeFileSync(path, text);
  return path;
}

describe('--fleet-config', () => {
  it('reads thresholds that resolveFleetSettings then accepts', () => {
    const read = readFleetConfigFile(
      file('{"heartbeatIntervalSeconds": 30, "alarms": {"paperLowBelowDays": 5}, "commandLifetimeMinutes": 10}'),
    );
    expect(read.ok).toBe(true);
    const settings = read.ok ? resolveFleetSettings(read.value) : null;
    expect(settings?.ok && settings.value.heartbeatIntervalSeconds).toBe(30);
    expect(settings?.ok && settings.value.alarms.paperLowBelowDays).toBe(5);
  });

  it('names the problem: missing file, broken JSON, wrong shape, unknown field, wrong type', () => {
    const problems = [
      readFleetConfigFile('/nonexistent/fleet.json'),
      readFleetConfigFile(file('{"heartbeatIntervalSeconds": ')),
      readFleetConfigFile(file('[1]')),
      readFleetConfigFile(file('{"heartbeatSeconds": 30}')),
      readFleetConfigFile(file('{"heartbeatIntervalSeconds": "30"}')),
    ].map((read) => (read.ok ? 'accepted' : read.error));
    expect(problems[0]).toMatch(/cannot read it \(ENOENT\)/);
    expect(problems[1]).toMatch(/not valid JSON/);
    expect(problems[2]).toMatch(/expected an object/);
    expect(problems[3]).toMatch(/unknown field heartbeatSeconds/);
    expect(problems[4]).toMatch(/heartbeatIntervalSeconds must be a number/);
  });

  it('leaves the range checks to the settings, which refuse an interval below 10 s', () => {
    const read = readFleetConfigFile(file('{"heartbeatIntervalSeconds": 5}'));
    const settings = read.ok ? resolveFleetSettings(read.value) : null;
    expect(settings?.ok).toBe(false);
  });
});
