import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { DEFAULT_VOLUME_STEP, ELDER_TIME_FACTOR, shellMachine, VOLUME_STEPS, warningSeconds } from './shell-machine';

function start(idleSeconds = 120) {
  const actor = createActor(shellMachine, { input: { defaultLocale: 'zh-CN', idleSeconds } });
  actor.start();
  return actor;
}

describe('shell machine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes attract → home → browse → guide and back the same way', () => {
    const actor = start();
    expect(actor.getSnapshot().value).toBe('attract');
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'home' } })).toBe(true);
    actor.send({ type: 'CHOOSE_GROUP', group: { type: 'theme', themeId: 'elderly' } });
    actor.send({ type: 'SET_HANDLING', handling: 'onSite' });
    actor.send({ type: 'OPEN_MATTER', code: '370784-CJ-013' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'guide' } })).toBe(true);
    expect(actor.getSnapshot().context.matterCode).toBe('370784-CJ-013');

    actor.send({ type: 'BACK' });
    const list = actor.getSnapshot();
    expect(list.matches({ visit: { screen: 'browse' } })).toBe(true);
    // Back to the list keeps what the visitor chose there.
    expect(list.context.group).toEqual({ type: 'theme', themeId: 'elderly' });
    expect(list.context.handling).toBe('onSite');
    expect(list.context.matterCode).toBeNull();

    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'home' } })).toBe(true);
    expect(actor.getSnapshot().context.group).toBeNull();
    expect(actor.getSnapshot().context.handling).toBeNull();
  });

  it('home from a guide forgets the list but keeps the language', () => {
    const actor = start();
    actor.send({ type: 'SET_LOCALE', locale: 'en' });
    actor.send({ type: 'CHOOSE_GROUP', group: { type: 'all' } });
    actor.send({ type: 'OPEN_MATTER', code: 'X-000001' });
    actor.send({ type: 'HOME' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.matches({ visit: { screen: 'home' } })).toBe(true);
    expect(snapshot.context).toMatchObject({ group: null, handling: null, matterCode: null, locale: 'en' });
  });

  it('choosing a language on the attract screen starts the visit in that language', () => {
    const actor = start();
    actor.send({ type: 'SET_LOCALE', locale: 'en' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'home' } })).toBe(true);
    expect(actor.getSnapshot().context.locale).toBe('en');
  });

  it('warns, then returns to attract after the idle time and forgets the whole visit', () => {
    const actor = start(120);
    actor.send({ type: 'SET_LOCALE', locale: 'en' });
    actor.send({ type: 'CHOOSE_GROUP', group: { type: 'serviceKind', serviceKind: 'consultation' } });
    actor.send({ type: 'SET_HANDLING', handling: 'convenience' });
    actor.send({ type: 'OPEN_MATTER', code: 'X-000001' });

    vi.advanceTimersByTime(89_999);
    expect(actor.getSnapshot().matches({ visit: { idle: 'active' } })).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().matches({ visit: { idle: 'warning' } })).toBe(true);
    vi.advanceTimersByTime(29_999);
    expect(actor.getSnapshot().matches('visit')).toBe(true);
    vi.advanceTimersByTime(1);

    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('attract');
    expect(snapshot.context).toMatchObject({ locale: 'zh-CN', group: null, handling: null, matterCode: null });
  });

  it('every sign of activity starts the idle time again, also during the warning', () => {
    const actor = start(120);
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(80_000);
    actor.send({ type: 'ACTIVITY' });
    vi.advanceTimersByTime(80_000);
    expect(actor.getSnapshot().matches({ visit: { idle: 'active' } })).toBe(true);
    vi.advanceTimersByTime(15_000);
    expect(actor.getSnapshot().matches({ visit: { idle: 'warning' } })).toBe(true);
    actor.send({ type: 'ACTIVITY' });
    expect(actor.getSnapshot().matches({ visit: { idle: 'active' } })).toBe(true);
    vi.advanceTimersByTime(89_000);
    expect(actor.getSnapshot().matches('visit')).toBe(true);
  });

  it('长辈版 from the attract screen starts the visit with voice on; leaving it turns voice off', () => {
    const actor = start();
    actor.send({ type: 'SET_PROFILE', profile: 'elder' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'home' } })).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ profile: 'elder', voice: true });
    actor.send({ type: 'SET_VOICE', voice: false });
    expect(actor.getSnapshot().context).toMatchObject({ profile: 'elder', voice: false });
    actor.send({ type: 'SET_PROFILE', profile: 'standard' });
    expect(actor.getSnapshot().context).toMatchObject({ profile: 'standard', voice: false });
  });

  it('keeps the volume within its steps', () => {
    const actor = start();
    actor.send({ type: 'START' });
    actor.send({ type: 'SET_VOLUME', volumeStep: 99 });
    expect(actor.getSnapshot().context.volumeStep).toBe(VOLUME_STEPS.length - 1);
    actor.send({ type: 'SET_VOLUME', volumeStep: -3 });
    expect(actor.getSnapshot().context.volumeStep).toBe(0);
  });

  it('gives 长辈版 twice the time before the warning and in it', () => {
    const actor = start(60);
    actor.send({ type: 'SET_PROFILE', profile: 'elder' });
    // Standard: warning after 30 s. 长辈版: idle 120 s, so the warning comes after 90 s and lasts 30 s.
    expect(ELDER_TIME_FACTOR).toBe(2);
    vi.advanceTimersByTime(89_999);
    expect(actor.getSnapshot().matches({ visit: { idle: 'active' } })).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().matches({ visit: { idle: 'warning' } })).toBe(true);
    vi.advanceTimersByTime(29_999);
    expect(actor.getSnapshot().matches('visit')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('resets profile, contrast, voice, volume and language when the visit ends (VVSG 7.1-A)', () => {
    const actor = start(60);
    actor.send({ type: 'SET_PROFILE', profile: 'elder' });
    actor.send({ type: 'SET_CONTRAST', contrast: 'high' });
    actor.send({ type: 'SET_VOLUME', volumeStep: 0 });
    actor.send({ type: 'SET_LOCALE', locale: 'en' });
    vi.advanceTimersByTime(120_000);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({
      profile: 'standard',
      contrast: 'default',
      voice: false,
      volumeStep: DEFAULT_VOLUME_STEP,
      locale: 'zh-CN',
    });
  });

  it('takes the idle time from its input', () => {
    const actor = start(40);
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(39_999);
    expect(actor.getSnapshot().matches('visit')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().value).toBe('attract');
  });

  it('gives the warning 30 s, or half the idle time when that is shorter', () => {
    expect(warningSeconds(120)).toBe(30);
    expect(warningSeconds(60)).toBe(30);
    expect(warningSeconds(40)).toBe(20);
  });

  it('out of service, nothing starts a visit from attract; a visit under way goes on; the technician still gets in', () => {
    const actor = start();
    actor.send({ type: 'SERVICE_CHANGED', outOfService: true });
    actor.send({ type: 'START' });
    actor.send({ type: 'SET_LOCALE', locale: 'en' });
    actor.send({ type: 'SET_PROFILE', profile: 'elder' });
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context.locale).toBe('zh-CN');
    actor.send({ type: 'TECHNICIAN' });
    expect(actor.getSnapshot().matches({ technician: 'pin' })).toBe(true);
    actor.send({ type: 'TECHNICIAN_EXIT' });
    actor.send({ type: 'SERVICE_CHANGED', outOfService: false });
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'home' } })).toBe(true);
    // Going out of service mid-visit leaves the visit where it is; its end keeps the kiosk out.
    actor.send({ type: 'SERVICE_CHANGED', outOfService: true });
    actor.send({ type: 'CHOOSE_GROUP', group: { type: 'all' } });
    expect(actor.getSnapshot().matches({ visit: { screen: 'browse' } })).toBe(true);
    actor.send({ type: 'END_VISIT' });
    actor.send({ type: 'FAREWELL_DONE' });
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context.outOfService).toBe(true);
  });
});
