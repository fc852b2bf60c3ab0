/**
 * Records a 视频帮办 call on the agent's PC (docs/video-help.md §Recording): the resident's and
 * the agent's voices mixed into one track (Web Audio) with the resident's face video, as webm
 * through MediaRecorder. Started only after the platform allowed it (`recordingAllowed`, the
 * resident's consent); the bytes go to the platform when the call ends (api/recording-upload.ts).
 */
export interface CallRecorder {
  /** Stops and answers the recording; null when nothing was recorded. */
  finish(): Promise<Blob | null>;
}

const TYPES = ['video/webm;codecs=vp8,opus', 'video/webm'];

export function startCallRecorder(tracks: {
  readonly remoteAudio: MediaStreamTrack | null;
  readonly localAudio: MediaStreamTrack | null;
  readonly remoteVideo: MediaStreamTrack | null;
}): CallRecorder {
  const audio = new AudioContext();
  const mix = audio.createMediaStreamDestination();
  for (const track of [tracks.remoteAudio, tracks.localAudio]) {
    if (track && track.readyState === 'live') audio.createMediaStreamSource(new MediaStream([track])).connect(mix);
  }
  const stream = new MediaStream([
    ...mix.stream.getAudioTracks(),
    ...(tracks.remoteVideo && tracks.remoteVideo.readyState === 'live' ? [tracks.remoteVideo] : []),
  ]);
  const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
  const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  // Chunks every second: a call cut off by a crash of the tab loses at most the last second.
  recorder.start(1_000);

  let finished: Promise<Blob | null> | null = null;
  return {
    finish() {
      finished ??= new Promise<Blob | null>((resolve) => {
        const done = () => {
          void audio.close();
          resolve(chunks.length > 0 ? new Blob(chunks, { type: 'video/webm' }) : null);
        };
        if (recorder.state === 'inactive') done();
        else {
          recorder.onstop = done;
          recorder.stop();
        }
      });
      return finished;
    },
  };
}
