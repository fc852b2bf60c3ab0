/**
 * The in-memory clip cache: least recently used first out, bounded by bytes rather than entries
 * (one long sentence weighs as much as twenty short prompts).
 *
 * Each clip has a scope: `prepared` (fixed UI prompts, kept until evicted) or `session` (what
 * `speech.say` made for this resident, which may carry their name or number, forgotten at session end).
 */
export type ClipScope = 'prepared' | 'session';

export interface MemoryClip {
  readonly wavBase64: string;
  readonly durationMs: number;
  scope: ClipScope;
}

export interface MemoryCache {
  get(key: string): MemoryClip | undefined;
  set(key: string, clip: MemoryClip): void;
  /** Drops every `session` clip. */
  forgetSession(): void;
  readonly bytes: number;
  readonly size: number;
}

export function createMemoryCache(budgetBytes: number): MemoryCache {
  const clips = new Map<string, MemoryClip>(); // insertion order = recency order
  let bytes = 0;
  const weight = (clip: MemoryClip) => clip.wavBase64.length;
  const remove = (key: string) => {
    const clip = clips.get(key);
    if (!clip) return;
    clips.delete(key);
    bytes -= weight(clip);
  };
  return {
    get(key) {
      const clip = clips.get(key);
      if (!clip) return undefined;
      clips.delete(key);
      clips.set(key, clip);
      return clip;
    },
    set(key, clip) {
      remove(key);
      if (weight(clip) > budgetBytes) return; // would evict everything and still not fit
      clips.set(key, clip);
      bytes += weight(clip);
      for (const oldest of clips.keys()) {
        if (bytes <= budgetBytes) break;
        remove(oldest);
      }
    },
    forgetSession() {
      for (const [key, clip] of clips) if (clip.scope === 'session') remove(key);
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return clips.size;
    },
  };
}
