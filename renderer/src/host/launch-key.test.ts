import { Window as HappyWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LAUNCH_KEY_STORAGE_ITEM } from '../../../core/api/launch-key';
import { holdLaunchKey } from './launch-key';

const KEY = 'Zq3v0b9YtNw5h2kQ8mXc1rLp4sDf6gHj7aBcDeFgHiJ';
const OTHER = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A fresh tab: its own location, history, sessionStorage and listeners. */
let window: Window;
function openAt(path: string) {
  window = new HappyWindow({ url: `http://127.0.0.1:5173${path}` }) as unknown as Window;
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('the launch key in the page', () => {
  it('takes the key from the fragment, keeps it in sessionStorage and removes it from the address bar', () => {
    openAt(`/#key=${KEY}`);
    const held = holdLaunchKey(window);
    expect(held.current()).toBe(KEY);
    expect(window.sessionStorage.getItem(LAUNCH_KEY_STORAGE_ITEM)).toBe(KEY);
    expect(window.location.href).not.toContain(KEY);
    expect(window.location.hash).toBe('');
  });

  it('keeps the other fragment parts (#camera-harness) in place', () => {
    openAt(`/?x=1#key=${KEY}&camera-harness`);
    expect(holdLaunchKey(window).current()).toBe(KEY);
    expect(window.location.hash).toBe('#camera-harness');
    expect(window.location.search).toBe('?x=1');
  });

  it('finds the key again after a reload, when the address bar no longer has it', () => {
    openAt(`/#key=${KEY}`);
    holdLaunchKey(window);
    // A reload (or Chromium reloading a crashed renderer) runs the page again on the cleaned URL.
    expect(window.location.hash).toBe('');
    expect(holdLaunchKey(window).current()).toBe(KEY);
  });

  it('adopts a new key when the printed URL is opened again in the same tab', () => {
    openAt(`/#key=${KEY}`);
    const held = holdLaunchKey(window);
    window.location.hash = `key=${OTHER}`;
    window.dispatchEvent(new (window as unknown as { Event: typeof Event }).Event('hashchange'));
    expect(held.current()).toBe(OTHER);
    expect(window.sessionStorage.getItem(LAUNCH_KEY_STORAGE_ITEM)).toBe(OTHER);
  });

  it('has no key, and says how to get one, when opened without it', () => {
    openAt('/');
    expect(holdLaunchKey(window).current()).toBeNull();
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('npm start'));
  });

  it('ignores a malformed key', () => {
    openAt('/#key=short');
    expect(holdLaunchKey(window).current()).toBeNull();
  });
});
