import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IcePlan } from '../../../platform/contract/video-help';
import {
  bundleHarness,
  DOCUMENT_CAMERA_LABEL,
  launchCallChromium,
  openTwoPages,
  pollUntil,
  untilSteady,
  type TwoPages,
} from './two-pages';

/**
 * platform/webrtc/call-peer.ts in real Chromium: a kiosk (fake face camera, microphone, and a second
 * fake camera as the 高拍仪) and an agent, on loopback/LAN host candidates as the embedded platform
 * offers them (no ICE servers). What the unit tests cannot show: negotiation with the fixed slots,
 * replaceTrack for the 高拍仪 and encodings paused for audio only, in a browser.
 */

const LOOPBACK: IcePlan = { iceServers: [], iceTransportPolicy: 'all' };

let browser: Browser;
let bundle: string;
let call: TwoPages | null = null;

beforeAll(async () => {
  [browser, bundle] = await Promise.all([launchCallChromium(), bundleHarness()]);
}, 60_000);

afterAll(async () => {
  await call?.close();
  await browser?.close();
});

describe('a call between two Chromium pages', () => {
  it('connects, carries media per slot, sends the 高拍仪 only on request, pauses video for audio only, and closes', async () => {
    call = await openTwoPages(browser, bundle);
    const { kiosk, agent } = call;
    // The agent's page creates its peer first and waits for the offer, as the console does on `call`.
    await agent.call('start', { role: 'agent', ice: LOOPBACK });
    await kiosk.call('start', { role: 'kiosk', ice: LOOPBACK });

    const connected = (side: typeof kiosk) =>
      pollUntil(
        () => side.call('state'),
        (state) => state.connectionState === 'connected',
        'connected',
      );
    await Promise.all([connected(kiosk), connected(agent)]);

    // Set-up time as the kiosk reports it (firstFrame setupMs): its peer created → the agent's face rendered.
    const kioskState = await pollUntil(
      () => kiosk.call('state'),
      (state) => state.firstRemoteFrameAt !== null,
      "the agent's first frame on the kiosk",
    );
    const agentState = await pollUntil(
      () => agent.call('state'),
      (state) => state.firstRemoteFrameAt !== null,
      "the resident's first frame at the agent",
    );
    const setupMs = (kioskState.firstRemoteFrameAt ?? 0) - (kioskState.createdAt ?? 0);
    const agentSetupMs = (agentState.firstRemoteFrameAt ?? 0) - (kioskState.createdAt ?? 0);
    console.info(
      `[webrtc] loopback set-up: kiosk peer → first remote frame ${setupMs} ms (at the agent ${agentSetupMs} ms)`,
    );

    // The relay really delivered candidates ahead of descriptions, and nothing failed to apply.
    expect(agentState.earlyCandidates).toBeGreaterThan(0);
    expect(kioskState.earlyCandidates).toBeGreaterThan(0);
    expect([...kioskState.errors, ...agentState.errors, ...call.relayErrors]).toEqual([]);
    expect(kioskState.videoInputs).toBe(3);
    // Each side knows the other's tracks by slot: the agent gets all three, the kiosk audio and face.
    expect([...agentState.remoteSlots].sort()).toEqual(['audio', 'document', 'face']);
    expect([...kioskState.remoteSlots].sort()).toEqual(['audio', 'face']);

    // Inbound bytes grow on both sides between two samples; the face is decoded at the agent.
    const first = { kiosk: await kiosk.call('sample'), agent: await agent.call('sample') };
    const grown = (side: typeof kiosk, before: number) =>
      pollUntil(
        () => side.call('sample'),
        (sample) => sample.inboundBytes > before,
        'inbound bytes to grow',
      );
    const second = {
      kiosk: await grown(kiosk, first.kiosk.inboundBytes),
      agent: await grown(agent, first.agent.inboundBytes),
    };
    expect(second.agent.candidateType).toMatch(/^(host|prflx)$/);
    expect(second.kiosk.audioOnly).toBe(false);
    const faceDecoded = await pollUntil(
      () => agent.call('slots'),
      (slots) => slots.face.framesDecoded > 0,
      'face frames decoded at the agent',
    );
    expect(faceDecoded.face.received).toBeGreaterThan(0);
    expect(faceDecoded.audio.received).toBeGreaterThan(0);

    // The 高拍仪 slot carries nothing until the resident allows it, though the face has been flowing.
    expect((await agent.call('slots')).document.received).toBe(0);
    expect((await kiosk.call('slots')).document.sent).toBe(0);
    await kiosk.call('showDocument', DOCUMENT_CAMERA_LABEL);
    const documentFlowing = await pollUntil(
      () => agent.call('slots'),
      (slots) => slots.document.framesDecoded > 0,
      '高拍仪 frames at the agent',
    );
    expect(documentFlowing.document.received).toBeGreaterThan(0);
    await kiosk.call('showDocument', null);
    const documentStopped = await untilSteady(
      async () => (await agent.call('slots')).document.received,
      '高拍仪 bytes at the agent',
    );
    // It stays stopped while the face goes on.
    const faceBefore = (await agent.call('slots')).face.received;
    await pollUntil(
      () => agent.call('slots'),
      (slots) => slots.face.received > faceBefore,
      'face bytes to go on',
    );
    expect((await agent.call('slots')).document.received).toBe(documentStopped);

    // Audio only: outgoing video stops while audio goes on; back on, video flows again.
    await kiosk.call('setVideoSending', false);
    const faceSentPaused = await untilSteady(
      async () => (await kiosk.call('slots')).face.sent,
      "the kiosk's outgoing face video",
    );
    const audioSent = (await kiosk.call('slots')).audio.sent;
    await pollUntil(
      () => kiosk.call('slots'),
      (slots) => slots.audio.sent > audioSent + 1_000,
      'audio to go on',
    );
    expect((await kiosk.call('slots')).face.sent).toBe(faceSentPaused);
    expect((await kiosk.call('sample')).audioOnly).toBe(true);
    await kiosk.call('setVideoSending', true);
    await pollUntil(
      () => kiosk.call('slots'),
      (slots) => slots.face.sent > faceSentPaused,
      "the kiosk's face video to resume",
    );
    const faceReceived = (await agent.call('slots')).face.received;
    await pollUntil(
      () => agent.call('slots'),
      (slots) => slots.face.received > faceReceived,
      'face video at the agent',
    );

    // Closing ends every received track; the page's own tracks stay the caller's to stop.
    const closed = { kiosk: await kiosk.call('close'), agent: await agent.call('close') };
    for (const side of [closed.kiosk, closed.agent]) {
      expect(side.remote.length).toBeGreaterThan(0);
      expect(side.remote.every((readyState) => readyState === 'ended')).toBe(true);
      expect(side.localAfterClose).toEqual(['live', 'live']);
      expect(side.localAfterStop).toEqual(['ended', 'ended']);
    }
  }, 60_000);
});
