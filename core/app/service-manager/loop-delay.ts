import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * How long the event loop was held up, from Node's own sampler (perf_hooks): a timer every 20 ms
 * whose lateness is recorded. A loop blocked for 12 s shows as a 12 s sample once it runs again.
 */
export interface LoopDelayMonitor {
  /** The longest hold-up since the previous call (or the start), in ms; resets the count. */
  takeLongestMs(): number;
  stop(): void;
}

export function monitorLoopDelay(): LoopDelayMonitor {
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  return {
    takeLongestMs() {
      // Nanoseconds; 0 when nothing was sampled yet.
      const longest = histogram.max / 1e6;
      histogram.reset();
      return Number.isFinite(longest) ? longest : 0;
    },
    stop: () => histogram.disable(),
  };
}
