import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listenForNotifications, type NotifyListener } from '../../../tests/helpers/notify-listener';
import { createServiceNotifier } from './notifier';
import { recordingServiceLog } from './test-log';

/**
 * The notifier through Debian's real systemd-notify into a real AF_UNIX datagram socket, read the
 * way PID 1 reads it (tests/helpers/notify-listener.ts): the bytes systemd would get.
 */
let dir: string;
let listener: NotifyListener;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-notify-'));
  listener = await listenForNotifications(join(dir, 'notify'));
});

afterEach(async () => {
  await listener.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the service notifier', () => {
  it('delivers READY, STATUS, WATCHDOG and STOPPING in order, naming our PID as the main one', async () => {
    const log = recordingServiceLog();
    const notifier = createServiceNotifier({ env: { NOTIFY_SOCKET: listener.path }, pid: process.pid, log });
    expect(notifier.enabled).toBe(true);
    const sent = await Promise.all([
      notifier.ready('serving at http://127.0.0.1:1'),
      notifier.watchdog(),
      notifier.status('two\nlines'),
      notifier.stopping('stopping'),
    ]);
    expect(sent).toEqual([true, true, true, true]);
    await listener.waitFor((m) => m.fields.includes('STOPPING=1'), 5_000, 'STOPPING=1');
    expect(listener.messages.map((m) => m.fields)).toEqual([
      [`MAINPID=${process.pid}`, 'READY=1', 'STATUS=serving at http://127.0.0.1:1'],
      [`MAINPID=${process.pid}`, 'WATCHDOG=1'],
      // A newline in a status would have started a field of its own.
      [`MAINPID=${process.pid}`, 'STATUS=two lines'],
      [`MAINPID=${process.pid}`, 'STOPPING=1', 'STATUS=stopping'],
    ]);
    // As root, systemd-notify sends with our PID as the sender (the main PID systemd watches);
    // as any other user the kernel refuses that and it sends as itself.
    if (process.getuid?.() === 0) expect(listener.messages.every((m) => m.pid === process.pid)).toBe(true);
    else expect(listener.messages.every((m) => m.pid !== null && m.uid === process.getuid?.())).toBe(true);
    expect(log.lines.filter((line) => line.level !== 'info')).toEqual([]);
  });

  it('logs a failing helper once, never throws, and says when it works again', async () => {
    const log = recordingServiceLog();
    const env: Record<string, string> = { NOTIFY_SOCKET: join(dir, 'nobody-listens') };
    const notifier = createServiceNotifier({ env, pid: process.pid, log });
    expect(await notifier.watchdog()).toBe(false);
    expect(await notifier.watchdog()).toBe(false);
    const errors = log.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(String(errors[0]?.fields['detail'])).toMatch(/No such file or directory/);

    env['NOTIFY_SOCKET'] = listener.path;
    expect(await notifier.watchdog()).toBe(true);
    expect(log.lines.at(-1)).toMatchObject({
      level: 'info',
      message: 'systemd-notify works again',
      fields: { failed: 2 },
    });
  });

  it('does nothing outside systemd and says so once', async () => {
    const log = recordingServiceLog();
    const notifier = createServiceNotifier({ env: {}, pid: process.pid, log });
    expect(notifier.enabled).toBe(false);
    expect(await notifier.ready('x')).toBe(false);
    expect(await notifier.watchdog()).toBe(false);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]?.message).toMatch(/NOTIFY_SOCKET is not set/);
  });
});
