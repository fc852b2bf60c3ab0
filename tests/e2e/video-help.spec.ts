import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { fillRequiredFields, signInWithCard } from './support/apply-journey';
import { signInToConsole } from './support/console-session';
import { startCountyPlatform, type CountyPlatform } from './support/county-platform';
import { enterHome, LANDSCAPE, saveScreenshot } from './support/screens';

/**
 * 远程视频帮办 end to end (docs/video-help.md): a real platform process with video help on, a kiosk
 * started as `npm start` starts it with a face camera, a microphone and a 高拍仪 picked by label,
 * and the county console's agent page — two Chromium contexts, each with Chromium's fake capture
 * devices (a test pattern and a beep; `device-count=3`: fake_device_0 is the face, fake_device_2
 * the 高拍仪, fake_device_1 is a depth format an encoder never receives). The resident asks for
 * video help, consents (personal values hidden), an agent on duty answers; both sides receive
 * media; the resident walks into 自助申报 while the agent watches the screen as state (the name
 * stays masked); the agent's proposal changes the form only after 同意; the agent sees the 高拍仪
 * after the resident agrees; 挂断 ends it and every track on the kiosk is stopped; after the
 * visit ends nothing of the call is left on the page. Set-up time and the kiosk's CPU during the
 * call are written to test-results/video-help-figures.json.
 */

const STATION = '370784-JZ-DB';
const TERMINAL = 'KIOSK-370784-JZ-DB-01';
const TOKEN = 'e2e-video-terminal-token-0123456789';
const ADMIN = { username: 'zhao.admin', displayName: '赵管理员', password: 'qiu-shan-lu-47-hao' };
const MATTER = '城乡居民基本养老保险参保登记';

test.setTimeout(6 * 60_000);

/**
 * Test-only instruments, added before any page script runs: every RTCPeerConnection and every
 * captured track the page makes, so the test can ask the browser itself whether bytes arrive and
 * whether a device is still open. The page's code is unchanged.
 */
const INSTRUMENTS = () => {
  const record = { peers: [] as RTCPeerConnection[], tracks: [] as MediaStreamTrack[] };
  const Native = window.RTCPeerConnection;
  class Recorded extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      record.peers.push(this);
    }
  }
  window.RTCPeerConnection = Recorded;
  const media = navigator.mediaDevices;
  if (media) {
    const getUserMedia = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      record.tracks.push(...stream.getTracks());
      return stream;
    };
  }
  (window as unknown as { __videoHelpE2e: typeof record }).__videoHelpE2e = record;
};

interface MediaFacts {
  readonly inboundBytes: number;
  readonly openPeers: number;
  readonly liveTracks: number;
  readonly tracks: number;
}

function mediaFacts(page: Page): Promise<MediaFacts> {
  return page.evaluate(async () => {
    const record = (window as unknown as { __videoHelpE2e: { peers: RTCPeerConnection[]; tracks: MediaStreamTrack[] } })
      .__videoHelpE2e;
    let inboundBytes = 0;
    let openPeers = 0;
    for (const peer of record.peers) {
      if (peer.connectionState === 'closed') continue;
      openPeers += 1;
      const report = await peer.getStats();
      report.forEach((stat: { type: string; bytesReceived?: number }) => {
        if (stat.type === 'inbound-rtp') inboundBytes += stat.bytesReceived ?? 0;
      });
    }
    return {
      inboundBytes,
      openPeers,
      liveTracks: record.tracks.filter((track) => track.readyState === 'live').length,
      tracks: record.tracks.length,
    };
  });
}

/** Inbound bytes keep growing: the call carries media, not only a connected state. */
async function expectBytesGrowing(page: Page): Promise<void> {
  const before = (await mediaFacts(page)).inboundBytes;
  await expect
    .poll(async () => (await mediaFacts(page)).inboundBytes, { timeout: 15_000 })
    .toBeGreaterThan(before + 5_000);
}

/** utime + stime of a process and all its descendants, in clock ticks (/proc/<pid>/stat). */
function treeCpuTicks(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirNumbers('/proc')) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), entry]);
    } catch {
      // The process ended while we looked.
    }
  }
  let ticks = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      continue;
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

function readdirNumbers(dir: string): number[] {
  return readdirSync(dir)
    .filter((name) => /^[0-9]+$/.test(name))
    .map(Number);
}

test('视频帮办: consent, queue, a call with media both ways, masked co-browsing, a proposal applied only after 同意, the 高拍仪 on request, 挂断 and nothing left', async ({
  browserName: _browserName,
}, testInfo) => {
  const defaults = config.use?.launchOptions ?? {};
  const mediaArgs = [
    ...(defaults.args ?? []),
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream=device-count=3',
    '--allow-loopback-in-peer-connection',
  ];
  // The kiosk's browser runs on its own, so its CPU during the call can be read from /proc.
  const kioskServer = await chromium.launchServer({ ...defaults, args: mediaArgs });
  const kioskBrowser = await chromium.connect(kioskServer.wsEndpoint());
  const agentBrowser = await chromium.launch({ ...defaults, args: mediaArgs });
  let county: CountyPlatform | undefined;
  try {
    county = await startCountyPlatform({
      stationId: STATION,
      terminalId: TERMINAL,
      token: TOKEN,
      admin: ADMIN,
      kioskEnv: { KIOSK_DEV: '1' },
      platformArgs: ['--video-help'],
      kioskConfig: (c) => {
        const devices = c['devices'] as Record<string, unknown>;
        devices['faceCamera'] = { mode: 'real', deviceLabel: 'fake_device_0' };
        devices['microphone'] = { mode: 'real' };
        devices['documentCamera'] = { mode: 'real', deviceLabel: 'fake_device_2' };
        c['videoHelp'] = { enabled: true };
      },
    });
    const { origin, kiosk } = county;

    // The agent: the county admin goes on duty on the agent page.
    const agentContext: BrowserContext = await agentBrowser.newContext({ viewport: { width: 1440, height: 900 } });
    await agentContext.addInitScript(INSTRUMENTS);
    // A step that cannot act fails on its own line rather than at the test's time limit.
    agentContext.setDefaultTimeout(30_000);
    const agent = await agentContext.newPage();
    await signInToConsole(agent, origin, ADMIN);
    await agent.goto(`${origin}/console/agent`);
    await agent.getByTestId('agent-on-duty').click();
    await expect(agent.getByTestId('agent-duty-status')).toHaveAttribute('data-status', 'onDuty');
    await expect(agent.getByTestId('agent-queue-empty')).toBeVisible();

    // The resident: 帮办求助 → 视频帮办 → consent (personal values stay hidden by default) → call.
    const kioskContext = await kioskBrowser.newContext({ viewport: LANDSCAPE });
    await kioskContext.addInitScript(INSTRUMENTS);
    kioskContext.setDefaultTimeout(30_000);
    const resident = await kioskContext.newPage();
    await resident.goto(kiosk.url);
    await enterHome(resident);
    await resident.getByTestId('help-button').click();
    await resident.getByTestId('videohelp-choice').click();
    await expect(resident.getByTestId('videohelp-consent')).toBeVisible();
    await expect(resident.getByTestId('videohelp-consent-personal')).not.toBeChecked();
    await expect(resident.getByTestId('videohelp-consent-recording')).toHaveCount(0);
    await saveScreenshot(resident, testInfo, 'video-help-consent');
    const tapped = Date.now();
    await resident.getByTestId('videohelp-call-button').click();
    await expect(resident.getByTestId('videohelp-waiting')).toBeVisible();
    await expect(resident.getByTestId('videohelp-position')).toHaveAttribute('data-position', '1');
    await expect(resident.getByTestId('videohelp-position')).toHaveText('下一个就是您');

    // The agent sees the call in the queue and answers it.
    const row = agent.getByTestId('agent-queue-row');
    await expect(row).toHaveCount(1);
    await row.getByTestId('agent-accept').click();
    await expect(agent.getByTestId('agent-call')).toBeVisible();

    // Established: the agent's face plays on the kiosk; bytes arrive on both sides.
    await expect(resident.getByTestId('videohelp-overlay')).toBeVisible();
    await expect
      .poll(
        () => resident.getByTestId('videohelp-remote-video').evaluate((video: HTMLVideoElement) => video.videoWidth),
        {
          timeout: 30_000,
        },
      )
      .toBeGreaterThan(0);
    const firstFrameMs = Date.now() - tapped;
    await expectBytesGrowing(resident);
    await expectBytesGrowing(agent);
    await saveScreenshot(resident, testInfo, 'video-help-call-kiosk');

    // The kiosk's CPU over ten seconds of the call (its whole Chromium: page, encoder, decoder).
    const kioskPid = kioskServer.process().pid!;
    const ticksPerSecond = 100;
    const cpuBefore = treeCpuTicks(kioskPid);
    const cpuStarted = Date.now();
    await resident.waitForTimeout(10_000);
    const kioskCpuCores = (treeCpuTicks(kioskPid) - cpuBefore) / ticksPerSecond / ((Date.now() - cpuStarted) / 1000);

    // The resident walks into 自助申报 with the call on; the agent follows as state.
    await resident.getByTestId('home-button').click();
    await resident.getByTestId('matter-item').filter({ hasText: MATTER }).first().click();
    await resident.getByTestId('action-apply').click();
    await signInWithCard(resident);
    await fillRequiredFields(resident);
    await expect(resident.getByTestId('videohelp-overlay')).toBeVisible();
    await expect(agent.getByTestId('agent-screen-matter')).toHaveText(MATTER);
    const nameRow = agent.locator('[data-testid="agent-screen-field"][data-field-id="applicantName"]');
    await expect(nameRow.getByTestId('agent-masked')).toBeVisible();
    await expect(agent.getByTestId('agent-call')).not.toContainText('李测试');
    await saveScreenshot(agent, testInfo, 'video-help-agent-call');

    // A proposal: declined first (nothing changes), then agreed (the form takes it).
    const level = resident.locator('[data-field="contributionLevel"]');
    const chosen = () => level.locator('[aria-pressed="true"]');
    const before = await chosen().textContent();
    expect(before).not.toContain('2000元/年');
    const propose = async () => {
      await agent.getByTestId('agent-propose-fillField').click();
      await agent.getByTestId('agent-propose-field').selectOption('contributionLevel');
      await agent.getByTestId('agent-propose-value').fill('2000元/年');
      await agent.getByTestId('agent-propose-send').click();
      await expect(resident.getByTestId('videohelp-proposal')).toContainText('2000元/年');
    };
    await propose();
    await expect(chosen()).toHaveText(before ?? '');
    await resident.getByTestId('videohelp-proposal-decline').click();
    await expect(resident.getByTestId('videohelp-proposal')).toHaveCount(0);
    await expect(chosen()).toHaveText(before ?? '');
    await expect(agent.getByTestId('agent-proposal').first()).toContainText('未同意');
    await propose();
    await saveScreenshot(resident, testInfo, 'video-help-proposal');
    await resident.getByTestId('videohelp-proposal-accept').click();
    await expect(chosen()).toContainText('2000元/年');
    await expect(agent.getByTestId('agent-proposals')).toContainText('已同意');

    // The 高拍仪: asked by the agent, agreed by the resident, seen by the agent.
    await agent.getByTestId('agent-document-ask').click();
    await expect(resident.getByTestId('videohelp-document-request')).toBeVisible();
    await resident.getByTestId('videohelp-document-accept').click();
    await expect(agent.getByTestId('agent-document-camera')).toHaveAttribute('data-status', 'sending');
    await expect
      .poll(
        () =>
          agent
            .locator('[data-testid="agent-document-camera"] video')
            .evaluate((video: HTMLVideoElement) => video.videoWidth),
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThan(0);

    // 挂断: both sides end; every track the kiosk opened is stopped, its peer closed.
    await resident.getByTestId('videohelp-hangup').click();
    await expect(resident.getByTestId('videohelp-ended')).toBeVisible();
    await expect(agent.getByTestId('agent-call-ended')).toBeVisible();
    await expect.poll(async () => (await mediaFacts(resident)).liveTracks).toBe(0);
    const kioskMedia = await mediaFacts(resident);
    expect(kioskMedia.tracks).toBeGreaterThanOrEqual(3);
    expect(kioskMedia.openPeers).toBe(0);
    await expect.poll(async () => (await mediaFacts(agent)).liveTracks).toBe(0);

    // The call can be rated (好差评 of the help, subject kind assistance).
    await resident.getByTestId('videohelp-rate').click();
    await expect(resident.getByTestId('rating-form')).toBeVisible();
    await expect(resident.getByTestId('videohelp-ended')).toHaveCount(0);

    // The visit ends: no track live, no call on the page, nothing of it in the page's storage.
    await resident.getByTestId('end-visit-button').click();
    await resident.getByTestId('farewell-ok').click();
    const left = await resident.evaluate(() => ({
      elements: document.querySelectorAll('[data-testid^="videohelp-"]').length,
      videos: [...document.querySelectorAll('video')].filter((video) => video.srcObject !== null).length,
      storage: JSON.stringify({ ...localStorage, ...sessionStorage }),
    }));
    expect(left.elements).toBe(0);
    expect(left.videos).toBe(0);
    expect(left.storage).not.toMatch(/VC-|AR-|videoHelp|李测试/);
    expect((await mediaFacts(resident)).liveTracks).toBe(0);

    // What the platform kept: the call, how it ended, its set-up time and quality; no relay rows.
    const db = new Database(county.db, { readonly: true });
    try {
      const call = db
        .prepare(
          'SELECT status, end_reason, setup_ms, quality_samples, consent_personal_values FROM video_calls ORDER BY requested_at DESC LIMIT 1',
        )
        .get() as {
        status: string;
        end_reason: string;
        setup_ms: number | null;
        quality_samples: number;
        consent_personal_values: number;
      };
      expect(call).toMatchObject({ status: 'ended', end_reason: 'residentHungUp', consent_personal_values: 0 });
      expect(call.setup_ms).toBeGreaterThan(0);
      expect(call.quality_samples).toBeGreaterThan(0);
      expect((db.prepare('SELECT count(*) AS n FROM video_relay').get() as { n: number }).n).toBe(0);
      const figures = { setupMsReportedByKiosk: call.setup_ms, tapToFirstFrameMs: firstFrameMs, kioskCpuCores };
      console.log(`video help figures: ${JSON.stringify(figures)}`);
      mkdirSync('test-results', { recursive: true });
      writeFileSync(join('test-results', 'video-help-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    } finally {
      db.close();
    }
  } finally {
    await county?.stop();
    await agentBrowser.close();
    await kioskBrowser.close();
    await kioskServer.close();
  }
});
