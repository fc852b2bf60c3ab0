import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, formatLine } from './logger';

describe('createLogger', () => {
  it('writes JSON lines to the log folder with personal data and secrets redacted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
    try {
      const logger = await createLogger({ level: 'info', dir });
      logger.child({ component: 'test' }).info(
        {
          idNumber: '370784199001011234',
          applicant: { name: '张三', phone: '13800000000' },
          token: 'secret-token',
          matter: '临时救助',
        },
        'application saved',
      );
      logger.flush();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const files = readdirSync(dir).filter((f) => f.endsWith('.log'));
      expect(files.length).toBe(1);
      const text = readFileSync(join(dir, files[0]!), 'utf8');
      const entry = JSON.parse(text.trim().split('\n')[0]!) as Record<string, unknown>;
      expect(entry).toMatchObject({
        component: 'test',
        msg: 'application saved',
        matter: '临时救助',
        idNumber: '[redacted]',
        token: '[redacted]',
      });
      expect(text).not.toContain('370784199001011234');
      expect(text).not.toContain('张三');
      expect(text).not.toContain('13800000000');
      expect(text).not.toContain('secret-token');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('formatLine', () => {
  it('prints one readable line per entry', () => {
    const line = JSON.stringify({
      level: 40,
      time: '2026-11-21T08:01:02.345Z',
      pid: 1,
      component: 'store',
      msg: 'opened',
      journal: 'wal',
      n: 2,
    });
    expect(formatLine(line)).toBe('08:01:02 WARN  store: opened journal=wal n=2');
    expect(formatLine('not json')).toBe('not json');
  });
});
