/**
 * The Content-Security-Policy both hosts send with the renderer (docs/reliability.md §1.1, checklist item 7):
 * only our own scripts, no plugins, no <base> games, no framing, no form posts anywhere.
 * `connect` lists where the page may open connections: nothing extra under Electron (IPC needs
 * none), the host's own WebSocket under the browser host.
 */
export function contentSecurityPolicy(options: { connect: readonly string[] }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes; no external stylesheets.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self'${options.connect.map((source) => ` ${source}`).join('')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
    "worker-src 'self' blob:",
  ].join('; ');
}
