import { isBlockedShortcut } from '../../../core/api/kiosk-shortcuts';

/**
 * The page's own part of the kiosk lockdown, installed before anything renders. Under Electron the
 * main process already filters keys, navigation and windows; under the browser host the page is
 * shown in Debian Chromium, whose accelerators, drag-and-drop and popups are all live, and this is
 * the layer in front of them (with the managed policy and the launcher behind it,
 * scripts/start/chromium.ts). Checklist items and vectors: reliability.md §1.4.
 */
export interface PageGuard {
  /** A development build: keys reach the browser (DevTools, reload) and the keyboard is let go. */
  allowDeveloperKeys(): void;
}

/** The Keyboard Lock API (Chromium only; not in TypeScript's DOM types). */
interface KeyboardLock {
  lock(keyCodes?: string[]): Promise<void>;
  unlock(): void;
}

/** The Navigation API's `navigate` event, as much of it as we use (not in TypeScript's DOM types). */
interface NavigateEventLike extends Event {
  readonly cancelable: boolean;
  readonly destination: { readonly url: string };
}

export function installPageGuard(page: Window): PageGuard {
  let developerKeys = false;
  const origin = page.location.origin;
  const sameOrigin = (url: string): boolean => {
    try {
      return new URL(url, page.location.href).origin === origin;
    } catch {
      return false;
    }
  };

  // Keys: the shared list (core/api/kiosk-shortcuts.ts). Chromium lets a page cancel most of its
  // accelerators, but not the ones it reserves for itself (Ctrl+W/N/T, Ctrl+Shift+Q...): those reach
  // a page only while it holds the keyboard lock, which Chromium honours in fullscreen, and the
  // kiosk is always fullscreen (`--kiosk`). So: hold the lock, and cancel what the list blocks.
  const keyboard = (page.navigator as Navigator & { keyboard?: KeyboardLock }).keyboard;
  keyboard?.lock().catch(() => {
    // Not Chromium, or not a top-level page: the filter below still applies.
  });
  page.addEventListener(
    'keydown',
    (event) => {
      const press = {
        key: event.key,
        code: event.code,
        control: event.ctrlKey,
        meta: event.metaKey,
        alt: event.altKey,
        shift: event.shiftKey,
      };
      if (isBlockedShortcut(press, developerKeys)) event.preventDefault();
    },
    { capture: true },
  );

  // Dropping a file, a picture or a link onto a page navigates to it (electron#5919, #1965); a
  // cancelled dragover and drop keep the drop inside the page, where nothing takes it. Nothing on
  // our screens is dragged anywhere either.
  for (const type of ['dragenter', 'dragover', 'drop', 'dragstart'] as const) {
    page.addEventListener(type, (event) => event.preventDefault(), { capture: true });
  }

  // A long press opens the browser's menu on a touch screen; nothing in it is for residents.
  page.addEventListener('contextmenu', (event) => event.preventDefault(), { capture: true });

  // There is no other window: window.open gives nothing (checklist item 14).
  page.open = () => null;

  // Links: a middle click, a modified click, a target other than this page, or another origin
  // would open a window or leave the kiosk. Middle-button presses also start autoscroll.
  const guardLink = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest('a[href], area[href]') : null;
    if (!link) return;
    const href = (link as HTMLAnchorElement | HTMLAreaElement).href;
    const target = link.getAttribute('target') ?? '';
    const modified = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
    if (
      event.type === 'auxclick' ||
      event.button !== 0 ||
      modified ||
      !['', '_self'].includes(target) ||
      !sameOrigin(href)
    ) {
      event.preventDefault();
    }
  };
  page.addEventListener('click', guardLink, { capture: true });
  page.addEventListener('auxclick', guardLink, { capture: true });
  page.addEventListener(
    'mousedown',
    (event) => {
      if (event.button === 1) event.preventDefault();
    },
    { capture: true },
  );

  // Any navigation this page starts itself (location.href = …, a link, a form) is announced by the
  // Navigation API and can be cancelled there; only our own origin is allowed. Navigations the
  // browser starts (the address bar, a drop) are not cancellable here: the policy and the
  // launcher deal with those.
  const navigation = (page as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigate', (event) => {
    const navigate = event as NavigateEventLike;
    if (navigate.cancelable && !sameOrigin(navigate.destination.url)) navigate.preventDefault();
  });

  return {
    allowDeveloperKeys() {
      developerKeys = true;
      keyboard?.unlock();
    },
  };
}
