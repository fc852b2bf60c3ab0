import { useEffect, useMemo, useRef } from 'react';

/** A <video> showing these tracks; nothing while there are none (or no MediaStream, in tests). */
function useStream(audio: MediaStreamTrack | null, face: MediaStreamTrack | null): MediaStream | null {
  return useMemo(() => {
    const present = [audio, face].filter((track): track is MediaStreamTrack => track !== null);
    return present.length > 0 && typeof MediaStream === 'function' ? new MediaStream(present) : null;
  }, [audio, face]);
}

type VideoFrameElement = HTMLVideoElement & {
  requestVideoFrameCallback?: (callback: () => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * The agent's face and voice. `onFirstFrame` fires once the first frame is on screen
 * (requestVideoFrameCallback where the browser has it, else 'playing' with a picture size).
 */
export function RemoteVideo({
  audio,
  face,
  label,
  onFirstFrame,
}: {
  audio: MediaStreamTrack | null;
  face: MediaStreamTrack | null;
  label: string;
  onFirstFrame: () => void;
}) {
  const video = useRef<VideoFrameElement>(null);
  const stream = useStream(audio, face);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = stream;
    if (!stream) return;
    void element.play?.()?.catch(() => undefined);
    let handle: number | null = null;
    const shown = () => {
      if (element.videoWidth > 0) onFirstFrame();
    };
    if (typeof element.requestVideoFrameCallback === 'function') {
      handle = element.requestVideoFrameCallback(() => onFirstFrame());
    } else {
      element.addEventListener('playing', shown);
      element.addEventListener('resize', shown);
    }
    return () => {
      if (handle !== null) element.cancelVideoFrameCallback?.(handle);
      element.removeEventListener('playing', shown);
      element.removeEventListener('resize', shown);
    };
  }, [stream, onFirstFrame]);
  // Unmounting (the call ended) lets go of the stream at once.
  useEffect(() => {
    const element = video.current;
    return () => {
      if (element) element.srcObject = null;
    };
  }, []);
  return (
    <video
      ref={video}
      className="videohelp-remote-video"
      data-testid="videohelp-remote-video"
      aria-label={label}
      autoPlay
      playsInline
    />
  );
}

/** The resident's own picture, small and muted. */
export function SelfVideo({ stream, label }: { stream: MediaStream | null; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = stream;
    if (stream) void element.play?.()?.catch(() => undefined);
    return () => {
      element.srcObject = null;
    };
  }, [stream]);
  return (
    <video
      ref={video}
      className="videohelp-self-video"
      data-testid="videohelp-self-video"
      aria-label={label}
      autoPlay
      playsInline
      muted
    />
  );
}
