import { Window as HappyWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installPageGuard, type PageGuard } from './page-guard';

/**
 * The guard's decisions, in happy-dom. That Chromium honours them (the keyboard lock, a cancelled
 * drop, the reserved accelerators) is shown in the real kiosk under Xvfb: tests/e2e/escape.spec.ts.
 */

/** A fresh page per test (listeners do not pile up), with the Navigation API and Keyboard Lock stand-ins. */
let happy: HappyWindow;
/** The page as the guard sees it, with the event constructors of its own realm. */
let page: Window & typeof globalThis;
let guard: PageGuard;
let navigation: EventTarget;
let locks: string[];

beforeEach(() => {
  happy = new HappyWindow({ url: 'http://127.0.0.1:4173/' });
  page = happy as unknown as Window & typeof globalThis;
  navigation = new happy.EventTarget() as unknown as EventTarget;
  locks = [];
  Object.defineProperty(page, 'navigation', { value: navigation, configurable: true });
  Object.defineProperty(page.navigator, 'keyboard', {
    value: {
      lock: () => {
        locks.push('lock');
        return Promise.resolve();
      },
      unlock: () => locks.push('unlock'),
    },
    configurable: true,
  });
  guard = installPageGuard(page);
});

afterEach(async () => {
  await happy.happyDOM.close();
});

function key(key: string, code: string, mods: Partial<KeyboardEventInit> = {}): KeyboardEvent {
  const event = new page.KeyboardEvent('keydown', { key, code, cancelable: true, bubbles: true, ...mods });
  page.document.body.dispatchEvent(event);
  return event;
}

function link(href: string, target?: string): HTMLAnchorElement {
  const anchor = page.document.createElement('a');
  anchor.href = href;
  if (target) anchor.target = target;
  anchor.textContent = 'link';
  page.document.body.append(anchor);
  return anchor;
}

function click(element: Element, init: MouseEventInit = {}, type = 'click'): MouseEvent {
  const event = new page.MouseEvent(type, { cancelable: true, bubbles: true, ...init });
  element.dispatchEvent(event);
  return event;
}

function navigate(url: string, cancelable = true): Event {
  const event = Object.assign(new page.Event('navigate', { cancelable }), { destination: { url } });
  navigation.dispatchEvent(event);
  return event;
}

describe('installPageGuard', () => {
  it('holds the keyboard lock, so Chromium hands its reserved shortcuts to the page', () => {
    expect(locks).toEqual(['lock']);
  });

  it.each([
    ['Ctrl+W', 'w', 'KeyW', { ctrlKey: true }],
    ['Ctrl+N', 'n', 'KeyN', { ctrlKey: true }],
    ['Ctrl+T', 't', 'KeyT', { ctrlKey: true }],
    ['Ctrl+L', 'l', 'KeyL', { ctrlKey: true }],
    ['F5', 'F5', 'F5', {}],
    ['F12', 'F12', 'F12', {}],
    ['Ctrl+Shift+I', 'I', 'KeyI', { ctrlKey: true, shiftKey: true }],
    ['Alt+Left', 'ArrowLeft', 'ArrowLeft', { altKey: true }],
  ])('cancels %s', (_name, name, code, mods) => {
    expect(key(name, code, mods).defaultPrevented).toBe(true);
  });

  it('lets typing and text editing through', () => {
    expect(key('a', 'KeyA').defaultPrevented).toBe(false);
    expect(key('v', 'KeyV', { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(key('Backspace', 'Backspace').defaultPrevented).toBe(false);
  });

  it('lets every key through, and lets go of the keyboard, in a development build', () => {
    guard.allowDeveloperKeys();
    expect(key('F12', 'F12').defaultPrevented).toBe(false);
    expect(key('r', 'KeyR', { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(locks).toEqual(['lock', 'unlock']);
  });

  it('keeps a dropped file or link inside the page', () => {
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const event = new page.Event(type, { cancelable: true, bubbles: true });
      page.document.body.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
    }
  });

  it('opens no window', () => {
    expect(page.open('https://example.com/', '_blank')).toBeNull();
  });

  it('cancels links that would leave the kiosk or open a window, and keeps its own', () => {
    expect(click(link('https://example.com/')).defaultPrevented).toBe(true);
    expect(click(link('file:///etc/passwd')).defaultPrevented).toBe(true);
    expect(click(link('/guide', '_blank')).defaultPrevented).toBe(true);
    expect(click(link('/guide'), { ctrlKey: true }).defaultPrevented).toBe(true);
    expect(click(link('/guide'), { button: 1 }, 'auxclick').defaultPrevented).toBe(true);
    expect(click(link('/guide')).defaultPrevented).toBe(false);
    expect(click(link('#top')).defaultPrevented).toBe(false);
  });

  it('cancels a middle-button press (autoscroll)', () => {
    expect(click(page.document.body, { button: 1 }, 'mousedown').defaultPrevented).toBe(true);
    expect(click(page.document.body, { button: 0 }, 'mousedown').defaultPrevented).toBe(false);
  });

  it('cancels navigation the page starts to another origin or scheme, and allows its own', () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'data:text/html,hi', 'javascript:alert(1)']) {
      expect(navigate(url).defaultPrevented).toBe(true);
    }
    expect(navigate('http://127.0.0.1:4173/#key=abc').defaultPrevented).toBe(false);
    expect(navigate('http://127.0.0.1:4174/').defaultPrevented).toBe(true);
    // A navigation the browser itself started cannot be cancelled by the page; the guard does not try.
    expect(navigate('https://example.com/', false).defaultPrevented).toBe(false);
  });

  it('cancels the browser menu on a long press', () => {
    const event = new page.MouseEvent('contextmenu', { cancelable: true, bubbles: true });
    page.document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});
