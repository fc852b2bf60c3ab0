import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/harness';
import { parseTerminalsFile, readAdminTokenFile, readTerminalsFile } from './token-files';

const TOKEN = 'terminal-token-0123456789';
const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));
function file(text: string, mode: number): string {
  const temp = makeTempDir();
  temps.push(temp);
  const path = join(temp.dir, 'secret');
  writeFileSync(path, text, { mode });
  return path;
}

describe('token files of the standalone platform', () => {
  it('reads one terminal a line, skipping blanks and # comments; the station defaults', () => {
    expect(parseTerminalsFile('t', `# kiosks\n\nk1:${TOKEN}:st-1\r\n  k2:${TOKEN}x  \n`)).toEqual({
      ok: true,
      value: [
        { id: 'k1', token: TOKEN, stationId: 'st-1' },
        { id: 'k2', token: `${TOKEN}x`, stationId: 'default-station' },
      ],
    });
  });

  it('names the line of a malformed entry, a weak token or a repeated terminal, never the token', () => {
    expect(parseTerminalsFile('t', 'k1\n')).toEqual({
      ok: false,
      error: 't line 1: expected <terminalId>:<token>[:<stationId>]',
    });
    expect(parseTerminalsFile('t', `\nk1:${TOKEN}:\n`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/line 2/),
    });
    const weak = parseTerminalsFile('t', 'k1:short\n');
    expect(weak).toMatchObject({ ok: false, error: 't line 1: the token of k1 is not 16 or more token68 characters' });
    const twice = parseTerminalsFile('t', `k1:${TOKEN}\nk1:${TOKEN}y\n`);
    expect(twice).toMatchObject({ ok: false, error: 't line 2: terminal k1 is listed twice' });
    expect(JSON.stringify([weak, twice])).not.toContain(TOKEN);
  });

  it('reads files only their owner may read', () => {
    expect(readTerminalsFile(file(`k1:${TOKEN}\n`, 0o600))).toMatchObject({ ok: true });
    expect(readTerminalsFile(file(`k1:${TOKEN}\n`, 0o644))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/terminals file .* mode 0644/),
    });
    expect(readAdminTokenFile(file(` ${TOKEN}\n`, 0o400))).toEqual({ ok: true, value: TOKEN });
    expect(readAdminTokenFile(file(`${TOKEN}\n`, 0o640))).toMatchObject({ ok: false });
    expect(readAdminTokenFile(file('two words here and there\n', 0o600))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/does not hold one token/),
    });
  });
});
