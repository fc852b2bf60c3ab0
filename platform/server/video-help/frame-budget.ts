/**
 * How many frames a video socket may send: a token bucket. A call's normal traffic is a burst
 * of ICE candidates at its start, a co-browse state per tap and a stats sample every 5 s; a
 * socket that sends more than the bucket holds and refills (a loop, a flood) is closed (4400).
 */
export class FrameBudget {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity = 120,
    private readonly perSecond = 40,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = clock();
  }

  /** False when the budget is spent. */
  take(): boolean {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
