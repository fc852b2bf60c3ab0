import { basename, join } from 'node:path';

/**
 * The managed Chromium policy of the kiosk's browser (Chromium's policy list:
 * https://chromeenterprise.google/policies/). Chromium on Linux reads managed policies only from
 * a fixed system folder (/etc/chromium/policies/managed/*.json for Debian's build); the `--policy`
 * switch exists only in debug Android builds (components/policy CommandLinePolicyProvider), so
 * there is no per-launch place a non-root kiosk user could point Chromium at. A station installs
 * this file with the kiosk's Debian package; a root launch (development, CI) mounts a per-launch
 * copy over that folder for the kiosk's Chromium alone (chromium-policy-placement.ts).
 */
export const POLICY_FILE_NAME = 'bianmin-kiosk.json';

export interface KioskPolicyOptions {
  /** `http://127.0.0.1:<port>`, the browser host's origin: the only one the kiosk may show. */
  readonly origin: string;
  /** A development build keeps DevTools. */
  readonly devMode: boolean;
}

/** Policy values Chromium's content settings use: 2 = block for every site. */
const BLOCK = 2;

export function kioskChromiumPolicy(options: KioskPolicyOptions): Record<string, unknown> {
  const { origin, devMode } = options;
  return {
    // No DevTools (F12, Ctrl+Shift+I, the element picker), and no attaching to the page over the
    // DevTools protocol either. The launcher's own pipe still sees targets come and go, and is
    // refused the page itself: that refusal is how it confirms the policy is in force.
    // RemoteDebuggingAllowed stays unset: a false there would close that pipe too, and a debugging
    // port needs a command-line switch only the launcher sets.
    DeveloperToolsAvailability: devMode ? 1 : 2,
    // Nothing but the kiosk's own origin, port included. `*` does not cover Chromium's internal
    // pages (chrome://settings, downloads, history…) nor javascript: URLs typed in the address bar:
    // they are listed on their own.
    URLBlocklist: ['*', 'chrome://*', 'chrome-untrusted://*', 'javascript://*', 'file://*'],
    URLAllowlist: devMode ? [origin, 'devtools://*'] : [origin],
    // Downloads, printing and file pickers would each open a system dialog with a file system in it.
    DownloadRestrictions: 3,
    PrintingEnabled: false,
    AllowFileSelectionDialogs: false,
    // Other windows and profiles: incognito, guest, a new person, the task manager's End process.
    IncognitoModeAvailability: 1,
    BrowserGuestModeEnabled: false,
    BrowserAddPersonEnabled: false,
    BrowserSignin: 0,
    SyncDisabled: true,
    TaskManagerEndProcessEnabled: false,
    // Closing the window must end Chromium (the launcher starts it again), not leave it running
    // in the background with no window.
    BackgroundModeEnabled: false,
    ExtensionInstallBlocklist: ['*'],
    EditBookmarksEnabled: false,
    BookmarkBarEnabled: false,
    // Nothing a resident typed may be remembered by the browser (PIPL minimum necessary).
    PasswordManagerEnabled: false,
    AutofillAddressEnabled: false,
    AutofillCreditCardEnabled: false,
    SavingBrowserHistoryDisabled: true,
    SearchSuggestEnabled: false,
    TranslateEnabled: false,
    SpellcheckEnabled: false,
    SpellCheckServiceEnabled: false,
    MetricsReportingEnabled: false,
    EnableMediaRouter: false,
    // No site may open popups or ask for anything: the kiosk's page needs none of it.
    DefaultPopupsSetting: BLOCK,
    DefaultNotificationsSetting: BLOCK,
    DefaultGeolocationSetting: BLOCK,
    DefaultSensorsSetting: BLOCK,
    DefaultClipboardSetting: BLOCK,
    DefaultWebBluetoothGuardSetting: BLOCK,
    DefaultWebUsbGuardSetting: BLOCK,
    DefaultSerialGuardSetting: BLOCK,
    DefaultWebHidGuardSetting: BLOCK,
    DefaultFileSystemReadGuardSetting: BLOCK,
    DefaultFileSystemWriteGuardSetting: BLOCK,
    DefaultLocalFontsSetting: BLOCK,
    DefaultWindowManagementSetting: BLOCK,
    ExternalProtocolDialogShowAlwaysOpenCheckbox: false,
    // The document camera, for our page only and without a prompt a resident would have to answer;
    // no microphone and no screen capture.
    VideoCaptureAllowedUrls: [origin],
    AudioCaptureAllowed: false,
    ScreenCaptureAllowed: false,
    // One exception: the kiosk's page may capture a tab of its own origin, i.e. itself, for the
    // county console's screenshot of the attract screen (renderer/src/host/screenshot-responder.ts,
    // taken without a picker by --auto-accept-this-tab-capture, scripts/start/chromium.ts). A match
    // here makes Chromium skip ScreenCaptureAllowed for that origin only, and only for same-origin
    // tabs: no other tab, window or screen (SameOriginTabCaptureAllowedByOrigins in Chromium's
    // policy list, https://chromeenterprise.google/policies/#SameOriginTabCaptureAllowedByOrigins).
    SameOriginTabCaptureAllowedByOrigins: [origin],
  };
}

/** The file's text, as installed: stable key order, one policy a line for a readable diff. */
export function formatPolicyFile(policy: Record<string, unknown>): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}

/**
 * The system folder this Chromium reads policies from: Debian and upstream Chromium use
 * /etc/chromium, Ubuntu's chromium-browser /etc/chromium-browser, Google Chrome /etc/opt/chrome.
 */
export function systemPolicyRoot(binary: string): string {
  const name = basename(binary);
  if (name.startsWith('google-chrome')) return '/etc/opt/chrome/policies';
  if (name === 'chromium-browser') return '/etc/chromium-browser/policies';
  return '/etc/chromium/policies';
}

export function installedPolicyPath(binary: string): string {
  return join(systemPolicyRoot(binary), 'managed', POLICY_FILE_NAME);
}

/** Names of the policies whose installed value is not what this kiosk needs (missing ones included). */
export function policyDifferences(installed: unknown, wanted: Record<string, unknown>): string[] {
  if (typeof installed !== 'object' || installed === null || Array.isArray(installed)) return Object.keys(wanted);
  const have = installed as Record<string, unknown>;
  return Object.keys(wanted).filter((name) => JSON.stringify(have[name]) !== JSON.stringify(wanted[name]));
}
