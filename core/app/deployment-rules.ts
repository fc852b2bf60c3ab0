import type { KioskConfig } from '../../kiosk-config/schema';
import { MIN_PIN_DIGITS, parsePinHash, SAMPLE_TECHNICIAN_PIN, verifyPin } from '../technician/pin-hash';
import type { BuildKind } from './build-kind';

/**
 * What a production build refuses to start with, although the config file is well-formed: settings
 * that are fine on a developer's machine and dangerous on a station (docs/privacy.md). Each
 * problem names the setting, says why, and says what to do. A development checkout gets them as
 * warnings instead, so `npm start` keeps working with the sample config; plain http to another
 * machine is refused there too.
 */
export interface DeploymentRuleCheck {
  /** Refusals: start-up stops. */
  readonly problems: readonly string[];
  /** What a development checkout is let off, for the log. */
  readonly warnings: readonly string[];
}

interface Finding {
  readonly message: string;
  /** Refused in every build (plain http across the network), not only in production. */
  readonly always?: true;
}

export function checkDeploymentRules(config: KioskConfig, kind: BuildKind): DeploymentRuleCheck {
  const findings = [...technicianFindings(config, kind), ...platformFindings(config)];
  const refused = (finding: Finding) => kind === 'production' || finding.always === true;
  return {
    problems: findings.filter(refused).map((finding) => finding.message),
    warnings: findings.filter((finding) => !refused(finding)).map((finding) => finding.message),
  };
}

function technicianFindings(config: KioskConfig, kind: BuildKind): Finding[] {
  const technician = config.technician;
  if (!technician) return [];
  const hash = parsePinHash(technician.pinHash);
  const remedy = `make one with \`npm run hash-pin -- <PIN of ${MIN_PIN_DIGITS} to 12 digits>\``;
  if (!hash) return [{ message: `technician.pinHash: not a PIN hash; ${remedy}` }];
  if (hash.digits === null) {
    return [
      {
        message: `technician.pinHash: this hash does not record how long the PIN is (it was made before lengths were recorded), so a PIN under ${MIN_PIN_DIGITS} digits cannot be ruled out; ${remedy}`,
      },
    ];
  }
  if (hash.digits < MIN_PIN_DIGITS) {
    return [
      {
        message: `technician.pinHash: the PIN has ${hash.digits} digits; a station needs at least ${MIN_PIN_DIGITS}; ${remedy}`,
      },
    ];
  }
  // One scrypt (~50 ms); a development checkout runs the sample config on purpose, so it is spared.
  if (kind === 'production' && verifyPin(SAMPLE_TECHNICIAN_PIN, technician.pinHash)) {
    return [
      {
        message: `technician.pinHash: this is the sample PIN (${SAMPLE_TECHNICIAN_PIN}), which the README publishes; choose the station's own PIN and ${remedy}`,
      },
    ];
  }
  return [];
}

function platformFindings(config: KioskConfig): Finding[] {
  const findings: Finding[] = [];
  if (config.terminal.embeddedToken !== undefined) {
    findings.push({
      message:
        'terminal.embeddedToken: a bearer token written in the config file; remove it (the embedded platform makes a fresh one at each start, and a remote platform’s token comes from platform.tokenFile)',
    });
  }
  if (config.platform.mode === 'remote') {
    const url = new URL(config.platform.baseUrl);
    if (url.protocol !== 'https:') {
      // Plain http to this machine is how the tests and a developer run a platform next to the
      // kiosk; nothing leaves the host. Anywhere else the token and residents' data would cross
      // the network in clear.
      const loopback = isLoopbackHost(url.hostname);
      findings.push({
        message: `platform.baseUrl: ${url.origin} is plain http; the terminal's token and residents' data must travel over https (${
          loopback ? 'http to this machine is allowed on a development checkout only' : 'use https://…'
        })`,
        ...(loopback ? {} : { always: true as const }),
      });
    }
  }
  return findings;
}

/** 127.0.0.0/8, ::1 and localhost: the names that cannot leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
