import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AgentVideoMessage } from '../../../../contract/video-help';
import { createAudioOnlyWatch } from '../../../../webrtc/audio-only-policy';
import { QUALITY_INTERVAL_MS, takeQualityStep } from '../../../../webrtc/quality-step';
import { createCallPeer, type CallPeer, type MediaSlot } from '../../../../webrtc/call-peer';
import type { SignalInbox } from '../../view/agent-signal-inbox';
import type { CallView } from '../../view/agent-state';
import { startCallRecorder, type CallRecorder } from './call-recorder';

/** Both sides send a quality sample this often while connected (platform/contract/video-help.ts). */

export type LocalMedia =
  | { readonly state: 'opening' }
  /** `video` false: no camera (or it would not open), the agent talks by voice only. */
  | { readonly state: 'open'; readonly stream: MediaStream; readonly video: boolean; readonly audio: boolean }
  | { readonly state: 'failed'; readonly detail: string };

export interface AgentCallMedia {
  readonly local: LocalMedia;
  readonly remote: Partial<Record<MediaSlot, MediaStream>>;
  readonly connection: RTCPeerConnectionState | 'new';
}

/**
 * One call's media on the agent's side: opens the camera and microphone (voice only when there
 * is no camera), creates the peer (role 'agent': it answers the kiosk's offer with the call's ICE
 * plan), feeds it the call's signals, samples quality every 5 s (a `stats` frame) and lets the
 * audio-only watch pause video on a weak link (a `media` frame). Records while `call.recording`.
 * When the call ends (the component unmounts) the peer is closed and every local track stopped;
 * a recording is finished and handed to `onRecording`.
 */
export function useAgentCall(options: {
  readonly call: CallView;
  readonly inboxFor: (callId: string) => SignalInbox | null;
  readonly send: (message: AgentVideoMessage) => boolean;
  readonly onLocalAudioOnly: (audioOnly: boolean) => void;
  readonly onRecording: (callId: string, recording: Blob | null) => void;
  readonly onPeerError: (error: unknown) => void;
}): AgentCallMedia {
  const { call, inboxFor } = options;
  const callId = call.call.callId;
  const [local, setLocal] = useState<LocalMedia>({ state: 'opening' });
  const [remote, setRemote] = useState<Partial<Record<MediaSlot, MediaStream>>>({});
  const [connection, setConnection] = useState<RTCPeerConnectionState | 'new'>('new');
  const peerRef = useRef<CallPeer | null>(null);
  const localRef = useRef<MediaStream | null>(null);
  const remoteRef = useRef<Partial<Record<MediaSlot, MediaStreamTrack>>>({});
  const recorderRef = useRef<CallRecorder | null>(null);
  // The latest callbacks without restarting the call when the page re-renders.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    let ended = false;
    const ice = call.ice;
    const inbox = inboxFor(callId);
    void openLocalMedia().then((opened) => {
      if (ended) {
        if (opened.state === 'open') stopAll(opened.stream);
        return;
      }
      setLocal(opened);
      const stream = opened.state === 'open' ? opened.stream : null;
      localRef.current = stream;
      const peer = createCallPeer({
        role: 'agent',
        ice,
        send: (signal) => latest.current.send({ t: 'signal', callId, signal }),
        local: { audio: stream?.getAudioTracks()[0] ?? null, video: stream?.getVideoTracks()[0] ?? null },
        onRemoteTrack: (slot, track) => {
          remoteRef.current = { ...remoteRef.current, [slot]: track };
          setRemote((before) => ({ ...before, [slot]: new MediaStream([track]) }));
        },
        onConnectionState: setConnection,
      });
      peerRef.current = peer;
      void inbox?.attach((signal) => peer.receive(signal));
    });
    return () => {
      ended = true;
      inbox?.detach();
      peerRef.current?.close();
      peerRef.current = null;
      stopAll(localRef.current);
      localRef.current = null;
      const recorder = recorderRef.current;
      recorderRef.current = null;
      if (recorder) void recorder.finish().then((blob) => latest.current.onRecording(callId, blob));
    };
    // One call, one effect: the ICE plan and the inbox belong to this callId.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [callId]);

  // Quality every 5 s while connected; the audio-only watch decides on the same samples.
  useEffect(() => {
    if (connection !== 'connected') return;
    const watch = createAudioOnlyWatch();
    let busy = false;
    const timer = setInterval(() => {
      const peer = peerRef.current;
      if (!peer || busy) return;
      busy = true;
      void takeQualityStep(peer, watch)
        .then(async ({ sample, audioOnly, changed }) => {
          latest.current.send({ t: 'stats', callId, sample });
          if (changed) {
            await peer.setVideoSending(!audioOnly);
            latest.current.send({ t: 'media', callId, audioOnly });
            latest.current.onLocalAudioOnly(audioOnly);
          }
        })
        .catch((error: unknown) => latest.current.onPeerError(error))
        .finally(() => {
          busy = false;
        });
    }, QUALITY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [connection, callId]);

  // Recording starts once (the platform allowed it and the agent started it) and runs to the end.
  useEffect(() => {
    if (!call.recording || recorderRef.current) return;
    const localStream = localRef.current;
    recorderRef.current = startCallRecorder({
      remoteAudio: remoteRef.current.audio ?? null,
      localAudio: localStream?.getAudioTracks()[0] ?? null,
      remoteVideo: remoteRef.current.face ?? null,
    });
  }, [call.recording]);

  return { local, remote, connection };
}

function stopAll(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** Camera and microphone; the microphone alone when there is no camera; failed when neither opens. */
async function openLocalMedia(): Promise<LocalMedia> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
    return { state: 'open', stream, video: stream.getVideoTracks().length > 0, audio: true };
  } catch {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      return { state: 'open', stream, video: false, audio: true };
    } catch (error) {
      return { state: 'failed', detail: error instanceof Error ? error.name : String(error) };
    }
  }
}
