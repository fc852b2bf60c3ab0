import { createFrameParser, type FrameParser, type FrameParserOptions } from './frame-parser';

/** setTimeout/clearTimeout, injectable so tests drive the gap timer by hand. */
export interface Scheduler {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface FrameStreamOptions extends FrameParserOptions {
  readonly onFrame: (frame: Uint8Array) => void;
  /**
   * Quiet time after which a partial frame is given up (contract point 5; cf. serialport#1886,
   * where a parser stuck forever on one corrupted length byte). A SAM reader streams a reply
   * without pauses; 100 ms of silence mid-frame is many byte times even at 9600 baud (1 ms/byte).
   */
  readonly interByteGapMs?: number;
  readonly scheduler?: Scheduler;
}

export interface FrameStream {
  push(chunk: Uint8Array): void;
  /** Drops any partial frame, e.g. before a new request after a timeout. */
  reset(): void;
  readonly parser: FrameParser;
  close(): void;
}

/** A FrameParser with the inter-byte gap timer attached; frames go to `onFrame`. */
export function createFrameStream(options: FrameStreamOptions): FrameStream {
  const parser = createFrameParser(options);
  const scheduler = options.scheduler ?? realScheduler;
  const gapMs = options.interByteGapMs ?? 100;
  let timer: unknown = null;

  const disarm = () => {
    if (timer !== null) scheduler.clear(timer);
    timer = null;
  };
  const deliver = (frames: Uint8Array[]) => {
    for (const frame of frames) options.onFrame(frame);
  };

  return {
    parser,
    push(chunk) {
      disarm();
      deliver(parser.push(chunk));
      if (parser.buffered > 0) {
        timer = scheduler.set(() => {
          timer = null;
          deliver(parser.expire());
        }, gapMs);
      }
    },
    reset() {
      disarm();
      parser.reset();
    },
    close() {
      disarm();
      parser.reset();
    },
  };
}
