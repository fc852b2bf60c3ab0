import { callDisplayPaths, type CallEntry } from '../../contract/call-display';

/**
 * Says each call aloud: the chime, then the platform's spoken WAV of it, one call after the other
 * so two calls never talk over each other. One audio element for the page's whole life; the queue
 * holds at most a few calls (a burst beyond that would be minutes of speech nobody waits for: the
 * oldest are dropped, the screen still shows them).
 *
 * Browsers refuse sound before a person has touched the page. A kiosked TV runs Chromium with
 * --autoplay-policy=no-user-gesture-required; anywhere else the first refused play shows the
 * "开启声音" button, and one tap starts the queue again.
 */
const QUEUE_AT_MOST = 4;

export interface Announcer {
  announce(entry: CallEntry): void;
  /** Announcements waiting (the benchmark checks it stays bounded). */
  pending(): number;
}

export function createAnnouncer(stationId: string, soundButton: HTMLButtonElement): Announcer {
  const audio = new Audio();
  audio.preload = 'auto';
  const queue: CallEntry[] = [];
  let speaking = false;
  let blocked = false;

  const play = (src: string) =>
    new Promise<void>((resolve, reject) => {
      const done = () => {
        audio.removeEventListener('ended', done);
        audio.removeEventListener('error', failed);
        resolve();
      };
      const failed = () => {
        audio.removeEventListener('ended', done);
        audio.removeEventListener('error', failed);
        resolve(); // a clip that cannot load is skipped, the next call is still said
      };
      audio.addEventListener('ended', done);
      audio.addEventListener('error', failed);
      audio.src = src;
      audio.play().catch((error: unknown) => {
        audio.removeEventListener('ended', done);
        audio.removeEventListener('error', failed);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });

  const drain = async () => {
    if (speaking || blocked) return;
    speaking = true;
    try {
      for (let entry = queue.shift(); entry; entry = blocked ? undefined : queue.shift()) {
        try {
          await play(callDisplayPaths.chime());
          await play(callDisplayPaths.announcement(stationId, entry.eventId));
        } catch (error) {
          if (error instanceof Error && error.name === 'NotAllowedError') {
            // Said once sound is allowed: back to the front of the queue.
            queue.unshift(entry);
            blocked = true;
            soundButton.hidden = false;
          }
        }
      }
    } finally {
      speaking = false;
    }
  };

  soundButton.addEventListener('click', () => {
    blocked = false;
    soundButton.hidden = true;
    void drain();
  });

  return {
    announce(entry) {
      queue.push(entry);
      while (queue.length > QUEUE_AT_MOST) queue.shift();
      void drain();
    },
    pending: () => queue.length,
  };
}
