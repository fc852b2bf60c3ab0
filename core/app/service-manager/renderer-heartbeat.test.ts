import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../tests/helpers/test-core';
import { createRendererHeartbeat } from './renderer-heartbeat';

describe('host.alive', () => {
  let core: ReturnType<typeof createTestCore> | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  it('keeps the time of the last report on its own clock', async () => {
    let now = 100;
    const heartbeat = createRendererHeartbeat(() => now);
    expect(heartbeat.lastReportAt()).toBeNull();
    await heartbeat.handlers['host.alive']({}, { host: 'test', requestId: 'alive' });
    now = 250;
    await heartbeat.handlers['host.alive']({}, { host: 'test', requestId: 'alive' });
    expect(heartbeat.lastReportAt()).toBe(250);
  });

  it('is public and takes nothing, through the dispatcher', async () => {
    core = createTestCore();
    const ctx = { host: 'browser' as const, requestId: 'alive-1' };
    expect(await core.dispatch('host.alive', {}, ctx)).toEqual({ ok: true, value: {} });
    expect(await core.dispatch('host.alive', { frozen: false }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalidInput' },
    });
  });
});
