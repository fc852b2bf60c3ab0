import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandResult, RemoteCommand } from '../../platform/contract/fleet';
import { silentLogger } from '../logging/logger';
import { getOutboxItem, listOutbox, type OutboxItem } from '../outbox';
import { testServiceDeps, type TestServiceDeps } from '../testing/service-deps';
import { createCommandIntake } from './command-intake';
import type { CommandRun, CommandRunner } from './command-runner';
import { claimCommand } from './command-store';

const clock = new Date('2026-11-21T08:00:00.000Z');
const now = () => clock;
let kit: TestServiceDeps;
afterEach(async () => kit.close());

const command = (
  id: string,
  request: RemoteCommand['request'],
  expiresAt = '2026-11-21T09:00:00.000Z',
): RemoteCommand => ({
  commandId: id,
  issuedAt: '2026-11-21T07:59:00.000Z',
  expiresAt,
  request,
});

function intakeWith(runner: CommandRunner) {
  kit = testServiceDeps({ now, outbox: 'counting' });
  return createCommandIntake({
    db: kit.db,
    sealer: kit.sealer,
    terminalId: 'KIOSK-TEST-01',
    runner,
    now,
    logger: silentLogger(),
    kick: () => void kit.outbox.kick(),
  });
}

/** The results queued, by command, opened with the kiosk's key. */
function queued() {
  return listOutbox(kit.db, 50)
    .map((listed) => getOutboxItem(kit.db, listed.id) as OutboxItem)
    .map((item) => ({
      kind: item.kind,
      path: item.path,
      body:
        item.stored.kind === 'bytes' && item.stored.contentType === null
          ? (JSON.parse(Buffer.from(kit.sealer.open(item.stored.bytes)).toString('utf8')) as CommandResult)
          : null,
    }));
}

const done: CommandResult = { outcome: 'done', finishedAt: '2026-11-21T08:00:00.000Z' };

describe('the command intake', () => {
  it('runs a command once even when it comes in two heartbeat answers, and queues one result', async () => {
    const ran: string[] = [];
    const intake = intakeWith({
      run: (c) => {
        ran.push(c.commandId);
        return Promise.resolve({ result: done });
      },
    });
    const reload = command('CMD-1', { kind: 'reloadCatalog' });
    await intake.take([reload]);
    await intake.take([reload, command('CMD-2', { kind: 'selfTest' })]);
    expect(ran).toEqual(['CMD-1', 'CMD-2']);
    expect(queued().map((q) => [q.kind, q.path])).toEqual([
      ['commandResult', '/terminals/KIOSK-TEST-01/commands/CMD-1/results'],
      ['commandResult', '/terminals/KIOSK-TEST-01/commands/CMD-2/results'],
    ]);
    expect(kit.kicks()).toBe(2);
  });

  it('refuses a command past its expiry without running it', async () => {
    const ran: string[] = [];
    const intake = intakeWith({
      run: (c) => {
        ran.push(c.commandId);
        return Promise.resolve({ result: done });
      },
    });
    await intake.take([command('CMD-3', { kind: 'restartApp' }, '2026-11-21T07:59:30.000Z')]);
    expect(ran).toEqual([]);
    expect(queued()[0]?.body).toEqual({ outcome: 'refused', finishedAt: clock.toISOString(), reason: 'expired' });
  });

  it('queues a screenshot PNG before the result that names it, and runs afterResult once the result is stored', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const sha256 = createHash('sha256').update(png).digest('hex');
    let queuedWhenAfter = -1;
    const run: CommandRun = {
      result: { ...done, screenshot: { sha256, contentType: 'image/png', width: 1080, height: 1920 } },
      png,
      afterResult: () => {
        queuedWhenAfter = listOutbox(kit.db, 10).length;
      },
    };
    const intake = intakeWith({ run: () => Promise.resolve(run) });
    await intake.take([command('CMD-4', { kind: 'screenshot' })]);
    const items = listOutbox(kit.db, 10).map((listed) => getOutboxItem(kit.db, listed.id) as OutboxItem);
    expect(items.map((i) => [i.kind, i.path])).toEqual([
      ['screenshot', `/materials/${sha256}`],
      ['commandResult', '/terminals/KIOSK-TEST-01/commands/CMD-4/results'],
    ]);
    const first = items[0]?.stored;
    expect(first?.kind === 'bytes' && Buffer.from(kit.sealer.open(first.bytes))).toEqual(Buffer.from(png));
    expect(queuedWhenAfter).toBe(2);
  });

  it('answers failed for a runner that throws or answers off-contract', async () => {
    let calls = 0;
    const intake = intakeWith({
      run: () => {
        calls += 1;
        if (calls === 1) return Promise.reject(new Error('bug'));
        return Promise.resolve({
          result: { outcome: 'refused', finishedAt: 'yesterday', reason: 'failed' },
        });
      },
    });
    await intake.take([command('CMD-5', { kind: 'selfTest' }), command('CMD-6', { kind: 'selfTest' })]);
    expect(queued().map((q) => q.body && 'reason' in q.body && q.body.reason)).toEqual(['failed', 'failed']);
  });

  it('answers failed, at the next start, a command the previous run claimed and never answered', async () => {
    const intake = intakeWith({ run: () => Promise.reject(new Error('must not run')) });
    claimCommand(kit.db, 'CMD-8', clock);
    intake.answerInterrupted();
    await intake.take([command('CMD-8', { kind: 'restartApp' })]);
    expect(queued().map((q) => [q.path, q.body && 'reason' in q.body && q.body.reason])).toEqual([
      ['/terminals/KIOSK-TEST-01/commands/CMD-8/results', 'failed'],
    ]);
    intake.answerInterrupted();
    expect(queued()).toHaveLength(1);
  });
});
