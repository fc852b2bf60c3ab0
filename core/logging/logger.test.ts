import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

describe('createLogger redaction', () => {
  const ID = '370784199006010024';
  const PHONE = '13912345678';

  async function logged(write: (logger: Awaited<ReturnType<typeof createLogger>>) => void) {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
    try {
      const logger = await createLogger({ level: 'info', dir });
      write(logger);
      logger.flush();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const file = readdirSync(dir).find((f) => f.endsWith('.log'))!;
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const text = readFileSync(join(dir, file), 'utf8');
      return {
        text,
        entries: text
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('walks nested objects, arrays, child bindings and the message itself', async () => {
    const { text, entries } = await logged((logger) => {
      logger
        .child({ component: 'help', requester: { name: '王五' } })
        .info(
          { request: { items: [{ contact: { callbackPhone: PHONE } }], note: `身份证${ID}` }, outboxId: 3 },
          `help request from ${PHONE} stored`,
        );
    });
    expect(entries[0]).toMatchObject({
      level: 30,
      component: 'help',
      requester: '[redacted]',
      msg: 'help request from [redacted] stored',
      outboxId: 3,
      request: { items: [{ contact: { callbackPhone: '[redacted]' } }], note: '身份证[redacted]' },
    });
    expect(typeof entries[0]!['time']).toBe('string');
    for (const secret of [PHONE, ID, '王五']) expect(text).not.toContain(secret);
  });

  it('logs errors as pino does (err with type, message, stack), redacted, causes included', async () => {
    const { text, entries } = await logged((logger) => {
      const cause = new Error(`constraint failed for ${ID}`);
      logger.error(new Error(`platform refused ${PHONE}`, { cause }));
      logger.warn({ err: new RangeError(`bad ${ID}`) }, 'outbox item failed');
    });
    expect(entries[0]).toMatchObject({
      level: 50,
      msg: 'platform refused [redacted]',
      err: {
        type: 'Error',
        message: 'platform refused [redacted]',
        cause: { message: 'constraint failed for [redacted]' },
      },
    });
    expect(String((entries[0]!['err'] as Record<string, unknown>)['stack'])).toMatch(
      /^Error: platform refused \[redacted\]/,
    );
    expect(entries[1]).toMatchObject({ level: 40, msg: 'outbox item failed', err: { type: 'RangeError' } });
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(ID);
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
