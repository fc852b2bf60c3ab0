import { LAUNCH_KEY_STORAGE_ITEM, splitLaunchFragment } from '../../../core/api/launch-key';

/**
 * The browser host's launch key, as the page keeps it (core/api/launch-key.ts says why). Read from
 * the URL's fragment at load, then kept in sessionStorage, so a reload and a renderer crash of the
 * same tab (Chromium reloads the page) still find it, and removed from the address bar, so it is
 * not left on screen or in the tab's history entry.
 */
export interface LaunchKeyHolder {
  /** The key to offer on the next connection, or null when the page was opened without one. */
  current(): string | null;
}

export function holdLaunchKey(page: Window): LaunchKeyHolder {
  let key = readStored(page);

  const take = () => {
    const { key: fromUrl, rest } = splitLaunchFragment(page.location.hash);
    if (fromUrl === null) return;
    key = fromUrl;
    try {
      page.sessionStorage.setItem(LAUNCH_KEY_STORAGE_ITEM, fromUrl);
    } catch {
      // Storage switched off: the key lives in memory only, and a reload needs the printed URL again.
    }
    const { pathname, search } = page.location;
    page.history.replaceState(page.history.state, '', `${pathname}${search}${rest === '' ? '' : `#${rest}`}`);
  };

  take();
  // The printed URL opened again in this tab (e.g. after the kiosk restarted with a new key)
  // changes only the fragment, which does not reload the page.
  page.addEventListener('hashchange', take);
  if (key === null) {
    console.warn('no launch key: open the URL that `npm start` printed ("kiosk ready at …")');
  }
  return { current: () => key };
}

function readStored(page: Window): string | null {
  try {
    return page.sessionStorage.getItem(LAUNCH_KEY_STORAGE_ITEM);
  } catch {
    return null;
  }
}
