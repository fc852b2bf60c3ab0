import type { ScanOutcome } from './scan';

/** What the three framings have in common: bytes or reports in, reads out, time passed in. */
export interface ReadAssembler<Input> {
  push(input: Input, atMs: number): ScanOutcome[];
  flush(atMs: number): ScanOutcome[];
  nextDeadline(): number | null;
  reset(): void;
}

export interface ReadClock<Input> {
  /** Feeds the assembler now and arms the timer for the gap that would end the read. */
  readonly push: (input: Input) => void;
  /** Forgets the read in progress and disarms the timer (disconnect, reconnect). */
  readonly reset: () => void;
}

/**
 * The only place a scanner keeps time: the framings are pure and take the time as an argument;
 * this feeds them with `now()` and calls `flush` when the inter-character gap has passed, so a
 * read without a suffix ends by itself.
 */
export function createReadClock<Input>(
  assembler: ReadAssembler<Input>,
  emit: (outcome: ScanOutcome) => void,
  now: () => number = Date.now,
): ReadClock<Input> {
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const deadline = assembler.nextDeadline();
    if (deadline === null) return;
    timer = setTimeout(
      () => {
        timer = null;
        for (const outcome of assembler.flush(now())) emit(outcome);
        arm();
      },
      Math.max(0, deadline - now()),
    );
    timer.unref?.();
  };
  return {
    push(input) {
      for (const outcome of assembler.push(input, now())) emit(outcome);
      arm();
    },
    reset() {
      if (timer) clearTimeout(timer);
      timer = null;
      assembler.reset();
    },
  };
}
