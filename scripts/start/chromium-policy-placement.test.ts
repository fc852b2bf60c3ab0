import { describe, expect, it } from 'vitest';
import { formatPolicyFile, kioskChromiumPolicy } from './chromium-policy';
import {
  describePlacement,
  placeChromiumPolicy,
  policyLaunchCommand,
  type PlacementDeps,
} from './chromium-policy-placement';

const policy = kioskChromiumPolicy({ origin: 'http://127.0.0.1:8470', devMode: false });
const installedFile = '/etc/chromium/policies/managed/bianmin-kiosk.json';

function deps(overrides: Partial<PlacementDeps> & { files?: Record<string, string> } = {}) {
  const written: Record<string, string> = {};
  const ensured: string[] = [];
  const removed: string[] = [];
  const files = overrides.files ?? {};
  const all: PlacementDeps = {
    asRoot: false,
    canMountPrivately: () => ({ ok: true }),
    readFile: (path) => files[path] ?? null,
    makeFolder: () => '/tmp/bianmin-kiosk-policy-x',
    writeFile: (path, text) => {
      written[path] = text;
    },
    ensureFolder: (path) => ensured.push(path),
    removeFolder: (path) => removed.push(path),
    ...overrides,
  };
  return { deps: all, written, ensured, removed };
}

describe('placeChromiumPolicy', () => {
  it('as root: writes the policy for this launch and mounts it over the system folder for Chromium alone', () => {
    const { deps: d, written, ensured } = deps({ asRoot: true });
    const placement = placeChromiumPolicy('/usr/bin/chromium', policy, d);
    expect(placement).toEqual({
      kind: 'perLaunch',
      folder: '/tmp/bianmin-kiosk-policy-x',
      mountedOver: '/etc/chromium/policies',
    });
    expect(JSON.parse(written['/tmp/bianmin-kiosk-policy-x/managed/bianmin-kiosk.json']!)).toEqual(policy);
    expect(ensured).toEqual(['/etc/chromium/policies']);
    expect(describePlacement(placement)).toMatch(/mounted over \/etc\/chromium\/policies/);
  });

  it('as root without mount namespaces: falls back to the installed file, and says why', () => {
    const { deps: d, removed } = deps({
      asRoot: true,
      canMountPrivately: () => ({ ok: false, said: 'unshare: Operation not permitted' }),
    });
    const placement = placeChromiumPolicy('/usr/bin/chromium', policy, d);
    expect(removed).toEqual(['/tmp/bianmin-kiosk-policy-x']);
    expect(placement.kind).toBe('absent');
    expect(describePlacement(placement)).toMatch(
      /NOT in force: a private mount namespace could not be made \(unshare: Operation not permitted\)/,
    );
  });

  it('uses the file the station package installed when it says what this kiosk needs', () => {
    const { deps: d } = deps({ files: { [installedFile]: formatPolicyFile(policy) } });
    const placement = placeChromiumPolicy('/usr/bin/chromium', policy, d);
    expect(placement).toEqual({ kind: 'installed', file: installedFile });
    expect(describePlacement(placement)).toBe(`Chromium policy installed at ${installedFile}`);
  });

  it('says the policy is not in force when the installed file was made for another port', () => {
    const other = kioskChromiumPolicy({ origin: 'http://127.0.0.1:9000', devMode: false });
    const { deps: d } = deps({ files: { [installedFile]: formatPolicyFile(other) } });
    const text = describePlacement(placeChromiumPolicy('/usr/bin/chromium', policy, d));
    expect(text).toMatch(
      /NOT in force: .* differs from what this kiosk needs in URLAllowlist, VideoCaptureAllowedUrls/,
    );
    expect(text).toMatch(/host\.port/);
  });

  it('says the policy is not in force when nothing is installed, or the file is not JSON', () => {
    expect(describePlacement(placeChromiumPolicy('/usr/bin/chromium', policy, deps().deps))).toMatch(
      /NOT in force: \/etc\/chromium\/policies\/managed\/bianmin-kiosk.json is not installed/,
    );
    const { deps: d } = deps({ files: { [installedFile]: '{ nope' } });
    expect(describePlacement(placeChromiumPolicy('/usr/bin/chromium', policy, d))).toMatch(/is not valid JSON/);
  });
});

describe('policyLaunchCommand', () => {
  it('starts Chromium itself when the policy is installed or absent', () => {
    expect(policyLaunchCommand({ kind: 'installed', file: installedFile }, '/usr/bin/chromium', ['--kiosk'])).toEqual({
      command: '/usr/bin/chromium',
      args: ['--kiosk'],
    });
  });

  it('starts Chromium through unshare and a bind mount for a per-launch policy', () => {
    const { command, args } = policyLaunchCommand(
      { kind: 'perLaunch', folder: '/tmp/p', mountedOver: '/etc/chromium/policies' },
      '/usr/bin/chromium',
      ['--kiosk', '--app=http://127.0.0.1:1/'],
    );
    expect(command).toBe('unshare');
    expect(args.slice(0, 5)).toEqual(['--mount', '--propagation', 'private', '--', '/bin/sh']);
    expect(args.slice(-5)).toEqual([
      '/tmp/p',
      '/etc/chromium/policies',
      '/usr/bin/chromium',
      '--kiosk',
      '--app=http://127.0.0.1:1/',
    ]);
  });
});
