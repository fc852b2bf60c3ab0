/**
 * Tuesday 8 December 2026, 10:00 China time: an ordinary working day with the sample station's
 * windows calling (kiosk-config/default.json). End-to-end tests that take a ticket, check in or
 * ask for an agent start their kiosk here (KIOSK_CLOCK, a development checkout) and a separate
 * reference platform too (`--clock`), so they pass on a Sunday night or during 国庆 as well; the
 * out-of-hours tests choose their own moments.
 */
export const STAFFED_CLOCK = '2026-12-08T10:00:00+08:00';
