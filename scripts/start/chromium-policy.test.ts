import { describe, expect, it } from 'vitest';
import {
  formatPolicyFile,
  installedPolicyPath,
  kioskChromiumPolicy,
  policyDifferences,
  systemPolicyRoot,
} from './chromium-policy';

const origin = 'http://127.0.0.1:8470';

describe('kioskChromiumPolicy', () => {
  const policy = kioskChromiumPolicy({ origin, devMode: false });

  it('blocks DevTools, every URL but the kiosk origin, downloads and printing', () => {
    expect(policy).toMatchObject({
      DeveloperToolsAvailability: 2,
      URLAllowlist: [origin],
      DownloadRestrictions: 3,
      PrintingEnabled: false,
    });
    // `*` alone does not reach Chromium's own pages or javascript: typed in the address bar.
    expect(policy['URLBlocklist']).toEqual(expect.arrayContaining(['*', 'chrome://*', 'javascript://*', 'file://*']));
  });

  it('closes the other ways out: file pickers, other windows and profiles, popups, background mode', () => {
    expect(policy).toMatchObject({
      AllowFileSelectionDialogs: false,
      IncognitoModeAvailability: 1,
      BrowserGuestModeEnabled: false,
      BrowserAddPersonEnabled: false,
      TaskManagerEndProcessEnabled: false,
      EditBookmarksEnabled: false,
      DefaultPopupsSetting: 2,
      BackgroundModeEnabled: false,
      ExtensionInstallBlocklist: ['*'],
    });
  });

  it('lets the browser remember nothing a resident typed', () => {
    expect(policy).toMatchObject({
      PasswordManagerEnabled: false,
      AutofillAddressEnabled: false,
      AutofillCreditCardEnabled: false,
      SavingBrowserHistoryDisabled: true,
    });
  });

  it('allows the document camera for the kiosk origin only, and no microphone', () => {
    expect(policy).toMatchObject({ VideoCaptureAllowedUrls: [origin], AudioCaptureAllowed: false });
  });

  it('allows no screen capture but the kiosk page’s own tab (the remote screenshot)', () => {
    expect(policy).toMatchObject({ ScreenCaptureAllowed: false, SameOriginTabCaptureAllowedByOrigins: [origin] });
    for (const wider of [
      'TabCaptureAllowedByOrigins',
      'WindowCaptureAllowedByOrigins',
      'ScreenCaptureAllowedByOrigins',
    ])
      expect(policy).not.toHaveProperty(wider);
  });

  it('does not close the launcher’s DevTools pipe (no RemoteDebuggingAllowed: false)', () => {
    expect(policy).not.toHaveProperty('RemoteDebuggingAllowed');
  });

  it('keeps DevTools (and its own pages) in a development build, and nothing else', () => {
    const dev = kioskChromiumPolicy({ origin, devMode: true });
    expect(dev['DeveloperToolsAvailability']).toBe(1);
    expect(dev['URLAllowlist']).toEqual([origin, 'devtools://*']);
    expect(policyDifferences(dev, policy).sort()).toEqual(['DeveloperToolsAvailability', 'URLAllowlist']);
  });
});

describe('the policy file', () => {
  it('is JSON that reads back as the policy', () => {
    const policy = kioskChromiumPolicy({ origin, devMode: false });
    const text = formatPolicyFile(policy);
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(policy);
  });

  it('goes where each Chromium build reads managed policies', () => {
    expect(installedPolicyPath('/usr/bin/chromium')).toBe('/etc/chromium/policies/managed/bianmin-kiosk.json');
    expect(systemPolicyRoot('/usr/bin/chromium-browser')).toBe('/etc/chromium-browser/policies');
    expect(systemPolicyRoot('/usr/bin/google-chrome-stable')).toBe('/etc/opt/chrome/policies');
  });
});

describe('policyDifferences', () => {
  const wanted = kioskChromiumPolicy({ origin, devMode: false });

  it('finds nothing when the installed file says the same', () => {
    expect(policyDifferences(JSON.parse(formatPolicyFile(wanted)), wanted)).toEqual([]);
  });

  it('names a policy made for another port, and missing ones', () => {
    const installed = { ...kioskChromiumPolicy({ origin: 'http://127.0.0.1:9000', devMode: false }) };
    delete installed['PrintingEnabled'];
    expect(policyDifferences(installed, wanted).sort()).toEqual([
      'PrintingEnabled',
      'SameOriginTabCaptureAllowedByOrigins',
      'URLAllowlist',
      'VideoCaptureAllowedUrls',
    ]);
  });

  it('names every policy when the file is not an object', () => {
    expect(policyDifferences([1, 2], wanted)).toEqual(Object.keys(wanted));
  });
});
