import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../kiosk-config/schema';
import { hashPin } from '../technician/pin-hash';
import { checkDeploymentRules, isLoopbackHost } from './deployment-rules';

const sample = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../kiosk-config/default.json'), 'utf8')) as Record<
    string,
    unknown
  >;

function config(change: (raw: Record<string, unknown>) => void = () => undefined): KioskConfig {
  const raw = sample();
  change(raw);
  return KioskConfig.parse(raw);
}

let stationHash: string;
let shortHash: string;
let legacyHash: string;
beforeAll(() => {
  stationHash = hashPin('583920');
  shortHash = hashPin('4711');
  legacyHash = hashPin('583920').replace(/^pin\$6\$/, '');
});

const withPin = (hash: string) => (raw: Record<string, unknown>) => {
  (raw['technician'] as Record<string, unknown>)['pinHash'] = hash;
};
const remote = (baseUrl: string) => (raw: Record<string, unknown>) => {
  raw['platform'] = { mode: 'remote', baseUrl, tokenFile: 'token' };
};

describe('deployment rules: technician PIN', () => {
  it('refuse the sample config’s PIN in a production build, and let a checkout use it', () => {
    const production = checkDeploymentRules(config(), 'production');
    expect(production.problems).toEqual([
      expect.stringMatching(/technician\.pinHash: this is the sample PIN \(246810\)/),
    ]);
    expect(production.problems[0]).toContain('npm run hash-pin');
    // The sample config is what a checkout runs: no refusal, and no scrypt spent on the check.
    expect(checkDeploymentRules(config(), 'development')).toEqual({ problems: [], warnings: [] });
  });

  it('refuse any new hash of the sample PIN, not only the sample’s own', () => {
    expect(checkDeploymentRules(config(withPin(hashPin('246810'))), 'production').problems).toHaveLength(1);
  });

  it('refuse a PIN under 6 digits, and a hash that does not record the length', () => {
    expect(checkDeploymentRules(config(withPin(shortHash)), 'production').problems).toEqual([
      expect.stringMatching(/the PIN has 4 digits; a station needs at least 6/),
    ]);
    expect(checkDeploymentRules(config(withPin(legacyHash)), 'production').problems).toEqual([
      expect.stringMatching(/does not record how long the PIN is/),
    ]);
    expect(checkDeploymentRules(config(withPin(legacyHash)), 'development').problems).toEqual([]);
  });

  it('accept the station’s own 6-digit PIN, and no technician section at all', () => {
    expect(checkDeploymentRules(config(withPin(stationHash)), 'production')).toEqual({ problems: [], warnings: [] });
    expect(
      checkDeploymentRules(
        config((raw) => delete raw['technician']),
        'production',
      ).problems,
    ).toEqual([]);
  });
});

describe('deployment rules: platform', () => {
  const ok = (change: (raw: Record<string, unknown>) => void) =>
    config((raw) => {
      withPin(stationHash)(raw);
      change(raw);
    });

  it('take https in every build', () => {
    const https = ok(remote('https://platform.example.gov.cn/api/v1'));
    expect(checkDeploymentRules(https, 'production').problems).toEqual([]);
  });

  it('refuse plain http in a production build, loopback included', () => {
    for (const url of ['http://platform.example.gov.cn/api/v1', 'http://127.0.0.1:8080/api/v1']) {
      expect(checkDeploymentRules(ok(remote(url)), 'production').problems, url).toEqual([
        expect.stringMatching(/platform\.baseUrl: http:\/\/.* is plain http; .* must travel over https/),
      ]);
    }
  });

  it('allow http to loopback on a development checkout, and nowhere else', () => {
    for (const url of ['http://127.0.0.1:8080/api/v1', 'http://localhost:8080/', 'http://[::1]:8080/']) {
      const check = checkDeploymentRules(ok(remote(url)), 'development');
      expect(check.problems, url).toEqual([]);
      expect(check.warnings, url).toHaveLength(1);
    }
    expect(checkDeploymentRules(ok(remote('http://10.0.0.5/api/v1')), 'development').problems).toEqual([
      expect.stringContaining('use https://'),
    ]);
  });

  it('refuse a bearer token written in the config in a production build', () => {
    const withToken = ok((raw) => {
      (raw['terminal'] as Record<string, unknown>)['embeddedToken'] = 'a-token-in-the-config-0123456789';
    });
    expect(checkDeploymentRules(withToken, 'production').problems).toEqual([
      expect.stringMatching(/terminal\.embeddedToken: a bearer token written in the config file/),
    ]);
  });
});

describe('loopback host names', () => {
  it('are 127/8, ::1 and localhost only', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '[::1]', '::1']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['10.0.0.1', '127.0.0.1.nip.io', 'localhost.example', '[::ffff:7f00:1]', '0.0.0.0']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
