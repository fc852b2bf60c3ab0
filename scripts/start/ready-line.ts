/**
 * The one plain line `npm start` prints when the kiosk is serving, for people and for scripts
 * (the end-to-end tests and the start-up benchmark wait for it). The URL carries this start's
 * launch key in its fragment (core/api/launch-key.ts): opening it is what lets a page use the
 * kiosk API, so the line is printed to the terminal only, never to the log files.
 */
export function readyLine(url: string): string {
  return `kiosk ready at ${url}`;
}

export const READY_LINE_PATTERN = /kiosk ready at (http:\/\/127\.0\.0\.1:\d+\/#key=[A-Za-z0-9_-]{22,128})/;
