import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IcePlan } from '../../../platform/contract/video-help';
import { resolveVideoHelpSettings } from '../../../platform/server/video-help/config';
import { icePlanFor } from '../../../platform/server/video-help/ice-plan';
import { bundleHarness, launchCallChromium, openTwoPages, pollUntil, type TwoPages } from './two-pages';

/**
 * A call forced through TURN (iceTransportPolicy 'relay', what a county sets for kiosks behind
 * strict NAT) against a real coturn (scripts/turn/coturn.sh) with the per-call REST credential
 * the platform mints (platform/server/video-help/ice-plan.ts). And the refusal: a credential
 * from the wrong secret gets no relay, so no call.
 */

const SCRIPT = join(import.meta.dirname, '../../../scripts/turn/coturn.sh');
const run = promisify(execFile);
const turnInstalled = spawnSync('sh', ['-c', 'command -v turnserver'], { stdio: 'ignore' }).status === 0;

interface Coturn {
  readonly url: string;
  readonly secret: string;
  readonly dir: string;
}

let coturn: Coturn | null = null;
let browser: Browser | null = null;
let bundle = '';
const opened: TwoPages[] = [];

/** The plan both browsers of call `callId` get from a platform configured with this TURN secret. */
function relayPlan(secret: string, callId: string): IcePlan {
  const settings = resolveVideoHelpSettings({
    turn: { urls: [coturn?.url ?? ''], secret, ttlSeconds: 600 },
    iceTransportPolicy: 'relay',
  });
  if (!settings.ok || !settings.value) throw new Error(`settings refused: ${JSON.stringify(settings)}`);
  return icePlanFor(settings.value, callId, new Date());
}

describe.skipIf(!turnInstalled)(
  'a call forced through coturn (skipped where turnserver is not installed: apt-get install coturn)',
  () => {
    beforeAll(async () => {
      const started = await run(SCRIPT, ['start']);
      const vars = Object.fromEntries(
        started.stdout
          .trim()
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      coturn = { url: vars['TURN_URL'] ?? '', secret: vars['TURN_SECRET'] ?? '', dir: vars['TURNDIR'] ?? '' };
      [browser, bundle] = await Promise.all([launchCallChromium(), bundleHarness()]);
      expect(coturn.url).toMatch(/^turn:127\.0\.0\.1:\d+$/);
    }, 60_000);

    afterAll(async () => {
      await Promise.all(opened.map((pages) => pages.close()));
      await browser?.close();
      if (coturn) await run(SCRIPT, ['stop', coturn.dir]);
    });

    it('connects through the relay with the credential the platform mints', async () => {
      if (!browser || !coturn) throw new Error('set-up failed');
      const callId = 'VC-20250301-0001';
      const plan = relayPlan(coturn.secret, callId);
      expect(plan.iceTransportPolicy).toBe('relay');
      const pages = await openTwoPages(browser, bundle);
      opened.push(pages);
      const { kiosk, agent } = pages;
      await agent.call('start', { role: 'agent', ice: plan });
      await kiosk.call('start', { role: 'kiosk', ice: plan });

      const connected = (side: typeof kiosk) =>
        pollUntil(
          () => side.call('state'),
          (state) => state.connectionState === 'connected',
          'connected via TURN',
        );
      await Promise.all([connected(kiosk), connected(agent)]);
      const kioskState = await pollUntil(
        () => kiosk.call('state'),
        (state) => state.firstRemoteFrameAt !== null,
        "the agent's first frame on the kiosk",
      );
      console.info(
        `[webrtc] TURN relay set-up: kiosk peer → first remote frame ${(kioskState.firstRemoteFrameAt ?? 0) - (kioskState.createdAt ?? 0)} ms`,
      );
      expect([...kioskState.errors, ...(await agent.call('state')).errors, ...pages.relayErrors]).toEqual([]);

      // Both ends of the selected pair are relayed, and media flows through it.
      for (const side of [kiosk, agent]) {
        const first = await side.call('sample');
        const second = await pollUntil(
          () => side.call('sample'),
          (sample) => sample.inboundBytes > first.inboundBytes && sample.candidateType !== null,
          'inbound bytes through the relay',
        );
        expect(second.candidateType).toBe('relay');
        expect(second.rttMs).not.toBeNull();
      }
      // The relay was coturn's, for this call: its log names the credential's user, `<expiry>:<callId>`.
      expect(readFileSync(join(coturn.dir, 'turnserver.log'), 'utf8')).toMatch(
        new RegExp(`user <\\d+:${callId}>.*ALLOCATE processed, success`),
      );
      for (const closed of [await kiosk.call('close'), await agent.call('close')]) {
        expect(closed.remote.every((readyState) => readyState === 'ended')).toBe(true);
      }
    }, 60_000);

    it('does not connect with a credential from another secret', async () => {
      if (!browser || !coturn) throw new Error('set-up failed');
      const plan = relayPlan(`${coturn.secret}-not-it`, 'VC-20250301-0002');
      const pages = await openTwoPages(browser, bundle);
      opened.push(pages);
      const { kiosk, agent } = pages;
      await agent.call('start', { role: 'agent', ice: plan });
      await kiosk.call('start', { role: 'kiosk', ice: plan });
      // coturn refuses the allocation (401), so the kiosk gathers no candidate at all under 'relay'.
      const refused = await pollUntil(
        () => kiosk.call('state'),
        (state) => state.iceGatheringState === 'complete' && state.candidateErrors.length > 0,
        'the TURN refusal',
      );
      expect(refused.candidateErrors.map((error) => error.code)).toContain(401);
      expect(refused.candidateErrors.every((error) => error.url.startsWith(coturn?.url ?? '-'))).toBe(true);
      // Given a few seconds more, neither side connects.
      const deadline = Date.now() + 4_000;
      while (Date.now() < deadline) {
        for (const side of [kiosk, agent]) {
          const state = await side.call('state');
          expect(state.connectionState).not.toBe('connected');
          expect(['new', 'checking', 'failed', 'none']).toContain(state.iceConnectionState);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }, 60_000);
  },
);
