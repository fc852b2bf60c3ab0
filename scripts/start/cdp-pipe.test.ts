import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { connectCdpPipe, type CdpEvent } from './cdp-pipe';

/** Both ends of Chromium's side: what it reads (our commands) and what it writes (answers, events). */
function pipes() {
  const toChromium = new PassThrough();
  const fromChromium = new PassThrough();
  const commands: Array<{ id: number; method: string; params: unknown; sessionId?: string }> = [];
  let text = '';
  toChromium.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (let end = text.indexOf('\0'); end >= 0; end = text.indexOf('\0')) {
      commands.push(JSON.parse(text.slice(0, end)) as (typeof commands)[number]);
      text = text.slice(end + 1);
    }
  });
  const say = (message: unknown) => fromChromium.write(`${JSON.stringify(message)}\0`);
  return { toChromium, fromChromium, commands, say };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('connectCdpPipe', () => {
  it('writes each command as NUL-terminated JSON and matches answers by id', async () => {
    const p = pipes();
    const cdp = connectCdpPipe(p.toChromium, p.fromChromium);
    const first = cdp.send('Target.setDiscoverTargets', { discover: true });
    const second = cdp.send('Target.attachToTarget', { targetId: 'T1', flatten: true });
    await tick();
    expect(p.commands).toEqual([
      { id: 1, method: 'Target.setDiscoverTargets', params: { discover: true } },
      { id: 2, method: 'Target.attachToTarget', params: { targetId: 'T1', flatten: true } },
    ]);
    p.say({ id: 2, error: { code: -32000, message: 'Not allowed' } });
    p.say({ id: 1, result: {} });
    expect(await first).toEqual({ ok: true, value: {} });
    expect(await second).toEqual({ ok: false, error: { code: -32000, message: 'Not allowed' } });
  });

  it('delivers events, also when a message arrives in pieces or several in one chunk', async () => {
    const p = pipes();
    const cdp = connectCdpPipe(p.toChromium, p.fromChromium);
    const events: CdpEvent[] = [];
    cdp.onEvent((event) => events.push(event));
    const crashed = JSON.stringify({
      method: 'Target.targetCrashed',
      params: { targetId: 'T1', status: 'killed', errorCode: 9 },
    });
    p.fromChromium.write(crashed.slice(0, 10));
    p.fromChromium.write(
      `${crashed.slice(10)}\0${JSON.stringify({ method: 'Target.targetDestroyed', params: { targetId: 'T1' } })}\0`,
    );
    await tick();
    expect(events).toEqual([
      { method: 'Target.targetCrashed', params: { targetId: 'T1', status: 'killed', errorCode: 9 } },
      { method: 'Target.targetDestroyed', params: { targetId: 'T1' } },
    ]);
  });

  it('skips a message that is not JSON and goes on with the next', async () => {
    const p = pipes();
    const cdp = connectCdpPipe(p.toChromium, p.fromChromium);
    const events: string[] = [];
    cdp.onEvent((event) => events.push(event.method));
    p.fromChromium.write('not json\0');
    p.say({ method: 'Target.targetCreated', params: {} });
    await tick();
    expect(events).toEqual(['Target.targetCreated']);
  });

  it('answers every waiting command, and any later one, when Chromium goes', async () => {
    const p = pipes();
    const cdp = connectCdpPipe(p.toChromium, p.fromChromium);
    const waiting = cdp.send('Target.getTargets');
    p.fromChromium.end();
    await cdp.closed;
    expect(await waiting).toEqual({ ok: false, error: { code: -1, message: 'the DevTools pipe is closed' } });
    expect((await cdp.send('Target.getTargets')).ok).toBe(false);
  });
});
