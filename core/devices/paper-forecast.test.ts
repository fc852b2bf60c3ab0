import { describe, expect, it } from 'vitest';
import { forecastPaper, type PaperUse } from './paper-forecast';

const NOW = new Date('2026-11-21T08:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
/** `count` receipts spread evenly over the `days` before NOW. */
const spread = (count: number, days: number) =>
  Array.from({ length: count }, (_, i) => ago(((i + 0.5) * days * DAY) / count));

const use = (overrides: Partial<PaperUse>): PaperUse => ({
  rollChangedAt: ago(30 * DAY),
  receiptsSinceRollChange: 0,
  datedSince: ago(60 * DAY),
  recentReceipts: [],
  ...overrides,
});

describe('paper forecast', () => {
  it('measures the rate over the last 7 days and divides what is left by it', () => {
    const forecast = forecastPaper(
      use({ receiptsSinceRollChange: 260, recentReceipts: [...spread(70, 7), ago(8 * DAY), ago(20 * DAY)] }),
      400,
      NOW,
    );
    expect(forecast).toEqual({
      rollChangedAt: ago(30 * DAY).toISOString(),
      receiptsSinceRollChange: 260,
      rollCapacity: 400,
      receiptsLeft: 140,
      receiptsPerDay: 10,
      rateWindowDays: 7,
      daysLeft: 14,
    });
  });

  it('measures over the time since the roll change when that is shorter', () => {
    const changed = ago(2 * DAY);
    // 40 receipts on the old roll earlier in the week do not count, 30 on this roll do.
    const recent = [...spread(30, 2), ...Array.from({ length: 40 }, (_, i) => ago(3 * DAY + i * HOUR))];
    const forecast = forecastPaper(
      use({ rollChangedAt: changed, receiptsSinceRollChange: 30, recentReceipts: recent }),
      400,
      NOW,
    );
    expect(forecast.rateWindowDays).toBe(2);
    expect(forecast.receiptsPerDay).toBe(15);
    expect(forecast.daysLeft).toBe(24.6); // 370 / 15 = 24.67, rounded down
  });

  it('does not count days before the kiosk began dating receipts as days without prints', () => {
    const forecast = forecastPaper(
      use({ datedSince: ago(3 * DAY), receiptsSinceRollChange: 100, recentReceipts: spread(30, 3) }),
      400,
      NOW,
    );
    expect(forecast.rateWindowDays).toBe(3);
    expect(forecast.receiptsPerDay).toBe(10);
    expect(forecast.daysLeft).toBe(30);
  });

  it('counts a window under a day as a whole day, so a new roll is not called empty tomorrow', () => {
    const forecast = forecastPaper(
      use({ rollChangedAt: ago(HOUR), receiptsSinceRollChange: 3, recentReceipts: spread(3, 1 / 24) }),
      400,
      NOW,
    );
    expect(forecast.rateWindowDays).toBe(1);
    expect(forecast.receiptsPerDay).toBe(3);
    expect(forecast.daysLeft).toBe(132.3);
  });

  it('answers days left unknown (null) when nothing was printed in the window', () => {
    const forecast = forecastPaper(use({ receiptsSinceRollChange: 12, recentReceipts: [ago(9 * DAY)] }), 400, NOW);
    expect(forecast.receiptsPerDay).toBe(0);
    expect(forecast.receiptsLeft).toBe(388);
    expect(forecast.daysLeft).toBeNull();
  });

  it('answers a kiosk that never recorded a roll and never printed: full roll, days unknown', () => {
    const forecast = forecastPaper(
      { rollChangedAt: null, receiptsSinceRollChange: 0, datedSince: null, recentReceipts: [] },
      400,
      NOW,
    );
    expect(forecast).toMatchObject({ rollChangedAt: null, receiptsLeft: 400, receiptsPerDay: 0, daysLeft: null });
    expect(forecast.rateWindowDays).toBe(7);
  });

  it('says 0 left, never negative, when more receipts were printed than the roll holds', () => {
    const forecast = forecastPaper(use({ receiptsSinceRollChange: 431, recentReceipts: spread(70, 7) }), 400, NOW);
    expect(forecast.receiptsLeft).toBe(0);
    expect(forecast.daysLeft).toBe(0);
    const idle = forecastPaper(use({ receiptsSinceRollChange: 400, recentReceipts: [] }), 400, NOW);
    expect(idle.daysLeft).toBe(0);
  });

  it('ignores receipts dated after now (a clock that moved back) and survives a roll change in the future', () => {
    const forecast = forecastPaper(
      use({
        rollChangedAt: new Date(NOW.getTime() + DAY),
        receiptsSinceRollChange: 5,
        recentReceipts: [new Date(NOW.getTime() + HOUR)],
      }),
      400,
      NOW,
    );
    expect(forecast).toMatchObject({ receiptsPerDay: 0, rateWindowDays: 1, daysLeft: null, receiptsLeft: 395 });
  });
});
