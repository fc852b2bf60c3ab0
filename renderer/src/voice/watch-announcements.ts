import { readAnnouncement, sameAnnouncement, type Announcement } from './read-announcement';

/** React commits a screen in a few passes (loading state, then data); speak once it has settled. */
export const ANNOUNCE_SETTLE_MS = 50;

/** Changes that can show, hide or rewrite a marked text. */
const WATCHED_ATTRIBUTES = ['data-speech', 'hidden', 'inert', 'aria-hidden', 'style', 'class', 'open'];

export interface AnnouncementWatch {
  /** What the screen says now (read afresh). */
  current(): Announcement;
  disconnect(): void;
}

/**
 * Watches the page and calls `onChange` when what the screen says changes: a new screen, a
 * journey's next step, an alert shown or gone. One MutationObserver on `container` (the document
 * body, so a shell that mounts later is seen too); the texts are read from `root()` — the .shell
 * element — ANNOUNCE_SETTLE_MS after the last mutation, and compared with the last ones reported.
 */
export function watchAnnouncements(
  container: Node,
  root: () => ParentNode | null,
  onChange: (announcement: Announcement) => void,
): AnnouncementWatch {
  const read = (): Announcement => {
    const element = root();
    return element ? readAnnouncement(element) : { kind: 'screen', texts: [] };
  };
  let last = read();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    timer = undefined;
    const next = read();
    if (sameAnnouncement(next, last)) return;
    last = next;
    onChange(next);
  };
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(settle, ANNOUNCE_SETTLE_MS);
  });
  observer.observe(container, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  return {
    current: () => {
      last = read();
      return last;
    },
    disconnect() {
      observer.disconnect();
      clearTimeout(timer);
    },
  };
}
