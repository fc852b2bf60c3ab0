/**
 * `npm run chromium-policy -- --port <host.port>`: prints the managed Chromium policy a station
 * installs at /etc/chromium/policies/managed/bianmin-kiosk.json (the kiosk's Debian package does;
 * the station's config must then fix `host.port` to the same port). Exit 64 on a usage error.
 */
import { err, ok, type Result } from '../core/pure/result';
import { formatPolicyFile, kioskChromiumPolicy } from './start/chromium-policy';

export function policyFileFor(argv: readonly string[]): Result<string, string> {
  const at = argv.indexOf('--port');
  const port = at >= 0 ? Number(argv[at + 1]) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    return err('usage: npm run chromium-policy -- --port <the port in host.port of the station config, 1-65535>');
  }
  return ok(formatPolicyFile(kioskChromiumPolicy({ origin: `http://127.0.0.1:${port}`, devMode: false })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = policyFileFor(process.argv.slice(2));
  if (file.ok) process.stdout.write(file.value);
  else {
    console.error(file.error);
    process.exit(64);
  }
}
