/**
 * The paper forecast: how many receipts are left on the roll and for how many days, from the
 * ledger's paper use (core/devices/print-ledger-store.ts) and the roll's capacity in the config
 * (`receiptsPerPaperRoll`). Pure, so the arithmetic is tested with a fake clock.
 *
 * The rate is receipts per day over the last 7 days, or over a shorter window when the roll was
 * changed more recently (the rate while this roll was in), or when the kiosk began dating prints more recently (an upgraded kiosk has no dated history). A
 * window shorter than a day is counted as one day: three receipts in the first hour of a new roll
 * are not 72 a day, and an estimate that errs towards more days left is corrected within a day,
 * while one that cries "empty tomorrow" after every roll change teaches staff to ignore it.
 */

export const RATE_WINDOW_DAYS = 7;
/** Shorter windows are stretched to this, see above. */
export const MIN_RATE_WINDOW_DAYS = 1;
const DAY_MS = 86_400_000;

export interface PaperUse {
  /** When the technician last recorded a new roll; null if never on this kiosk. */
  readonly rollChangedAt: Date | null;
  /** Receipts that used paper since then (or since the store was made). */
  readonly receiptsSinceRollChange: number;
  /** When the ledger began dating receipts; older days are unknown, not zero. */
  readonly datedSince: Date | null;
  /** When each receipt of (at least) the last 7 days used paper, any order. */
  readonly recentReceipts: readonly Date[];
}

export interface PaperForecast {
  readonly rollChangedAt: string | null;
  readonly receiptsSinceRollChange: number;
  readonly rollCapacity: number;
  readonly receiptsLeft: number;
  /** Receipts per day over `rateWindowDays`, to one decimal. */
  readonly receiptsPerDay: number;
  /** The window the rate was measured over, in days to one decimal (at least 1). */
  readonly rateWindowDays: number;
  /** Days until the roll runs out at that rate, rounded down to one decimal; null when nothing was printed in the window (unknown), 0 when the roll is estimated empty. */
  readonly daysLeft: number | null;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const floorOneDecimal = (value: number) => Math.floor(value * 10) / 10;

export function forecastPaper(use: PaperUse, rollCapacity: number, now: Date): PaperForecast {
  const starts = [now.getTime() - RATE_WINDOW_DAYS * DAY_MS];
  if (use.rollChangedAt) starts.push(use.rollChangedAt.getTime());
  if (use.datedSince) starts.push(use.datedSince.getTime());
  const windowStart = Math.max(...starts);
  const windowDays = Math.max((now.getTime() - windowStart) / DAY_MS, MIN_RATE_WINDOW_DAYS);
  const inWindow = use.recentReceipts.filter((at) => at.getTime() >= windowStart && at.getTime() <= now.getTime());
  const perDay = inWindow.length / windowDays;
  const receiptsLeft = Math.max(rollCapacity - use.receiptsSinceRollChange, 0);
  let daysLeft: number | null;
  if (receiptsLeft === 0) daysLeft = 0;
  else if (perDay === 0) daysLeft = null;
  else daysLeft = floorOneDecimal(receiptsLeft / perDay);
  return {
    rollChangedAt: use.rollChangedAt?.toISOString() ?? null,
    receiptsSinceRollChange: use.receiptsSinceRollChange,
    rollCapacity,
    receiptsLeft,
    receiptsPerDay: oneDecimal(perDay),
    rateWindowDays: oneDecimal(windowDays),
    daysLeft,
  };
}
