import type { CdpEvent } from './cdp-pipe';

/**
 * What the launcher makes of the page targets Chromium reports over the DevTools pipe
 * (Target.setDiscoverTargets). The managed policy keeps the launcher from attaching to a page, but
 * target discovery is browser-wide and needs no attaching: every page's creation, URL, crash and
 * end is seen.
 * - The kiosk page is the first page on the kiosk's origin. If it crashes (Target.targetCrashed:
 *   a renderer killed, out of memory, crashed), leaves the origin (whatever got past the page guard
 *   and the policy, an error page included), or is closed, the page is lost: the launcher ends the
 *   resident session and shows the kiosk again.
 * - Any other page is a window the kiosk did not open (Ctrl+N, a popup, a new tab): it is closed.
 *   A development build keeps its DevTools windows.
 * - After a crash the launcher may open the kiosk again in the running Chromium (`reopen`): the
 *   lost page is retired and the next page on the kiosk's origin is the kiosk page.
 */
export type PageLoss =
  | { readonly kind: 'crashed'; readonly status: string; readonly errorCode: number }
  | { readonly kind: 'left'; readonly url: string }
  | { readonly kind: 'closed' };

export interface PageWatchHandlers {
  kioskPageFound(targetId: string): void;
  pageLost(loss: PageLoss): void;
  closeStray(targetId: string, url: string): void;
}

export interface PageWatch {
  handle(event: CdpEvent): void;
  /** The launcher is opening a new kiosk page in place of the lost one. */
  reopen(): void;
  readonly kioskTargetId: string | null;
}

interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
}

export function createPageWatch(options: { origin: string; devMode: boolean }, handlers: PageWatchHandlers): PageWatch {
  let kiosk: string | null = null;
  let lost = false;
  const closed = new Set<string>();
  /** Kiosk pages lost and replaced: whatever they still report is not news. */
  const retired = new Set<string>();

  const isOurs = (url: string) => originOf(url) === options.origin;
  const lose = (loss: PageLoss) => {
    if (lost) return;
    lost = true;
    handlers.pageLost(loss);
  };

  const onTarget = (info: TargetInfo) => {
    if (info.type !== 'page' || retired.has(info.targetId)) return;
    if (info.targetId === kiosk) {
      if (!isOurs(info.url)) lose({ kind: 'left', url: info.url });
      return;
    }
    if (kiosk === null) {
      if (isOurs(info.url)) {
        kiosk = info.targetId;
        handlers.kioskPageFound(info.targetId);
        return;
      }
      // The app window's page may be reported before it has its URL.
      if (info.url === '' || info.url === 'about:blank') return;
    }
    if (options.devMode && info.url.startsWith('devtools://')) return;
    if (closed.has(info.targetId)) return;
    closed.add(info.targetId);
    handlers.closeStray(info.targetId, info.url);
  };

  return {
    handle(event) {
      switch (event.method) {
        case 'Target.targetCreated':
        case 'Target.targetInfoChanged': {
          const info = targetInfoOf(event.params['targetInfo']);
          if (info) onTarget(info);
          return;
        }
        case 'Target.targetCrashed': {
          if (event.params['targetId'] !== kiosk) return;
          const { status, errorCode } = event.params;
          lose({
            kind: 'crashed',
            status: typeof status === 'string' ? status : 'unknown',
            errorCode: typeof errorCode === 'number' ? errorCode : 0,
          });
          return;
        }
        case 'Target.targetDestroyed':
          if (event.params['targetId'] === kiosk) lose({ kind: 'closed' });
          return;
      }
    },
    reopen() {
      if (kiosk !== null) retired.add(kiosk);
      kiosk = null;
      lost = false;
    },
    get kioskTargetId() {
      return kiosk;
    },
  };
}

function targetInfoOf(value: unknown): TargetInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const { targetId, type, url } = value as Record<string, unknown>;
  if (typeof targetId !== 'string' || typeof type !== 'string' || typeof url !== 'string') return null;
  return { targetId, type, url };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
