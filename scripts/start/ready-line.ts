/**
 * The one plain line `npm start` prints when the kiosk is serving, for people and for scripts
 * (the end-to-end tests and the start-up benchmark wait for it).
 */
export function readyLine(url: string): string {
  return `kiosk ready at ${url}`;
}

export const READY_LINE_PATTERN = /kiosk ready at (http:\/\/127\.0\.0\.1:\d+\/)/;
