import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debFile } from '../../scripts/package/deb';

/**
 * Debian's own checker on the package `npm run package` built. Errors and warnings fail; the
 * overrides the package carries (packaging/debian/lintian-overrides) each say why they apply.
 */
const ROOT = join(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const DEB = debFile(ROOT, version);

describe('the Debian package', () => {
  it('passes lintian with no errors or warnings', () => {
    expect(existsSync(DEB), `${DEB} is built by \`npm run package\``).toBe(true);
    let output: string;
    try {
      output = execFileSync('lintian', ['--fail-on', 'error,warning', '--no-tag-display-limit', DEB], {
        encoding: 'utf8',
      });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      throw new Error(`lintian found problems:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
    }
    expect(output.split('\n').filter((line) => /^[EW]: /.test(line))).toEqual([]);
  });

  it('every override in the package says why', () => {
    const overrides = readFileSync(join(ROOT, 'packaging/debian/lintian-overrides'), 'utf8').split('\n');
    overrides.forEach((line, index) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      // The line before each override is a comment giving the reason.
      expect(overrides[index - 1]?.startsWith('#'), `override without a reason: ${line}`).toBe(true);
    });
  });
});
