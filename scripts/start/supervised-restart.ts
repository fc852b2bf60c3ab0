/**
 * `fleet.restart` for the browser host (the county console's restartApp, core/fleet/commands):
 * only under systemd, whose unit restarts the kiosk whatever its exit (packaging/systemd,
 * Restart=always), so the orderly stop and exit 0 come back as a fresh start. Under a plain
 * `npm start` nothing would start it again: null, and the command answers notSupported.
 */
export function supervisedRestart(
  env: Readonly<Record<string, string | undefined>>,
  stopAndExit: () => void,
): (() => void) | null {
  return env['NOTIFY_SOCKET'] ? stopAndExit : null;
}
