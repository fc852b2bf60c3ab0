import { useEffect, useRef } from 'react';

/** A MediaStream in a <video> (srcObject cannot be set as an attribute). */
export function StreamVideo({
  stream,
  muted,
  label,
  testId,
  onPlaying,
}: {
  stream: MediaStream;
  muted: boolean;
  label: string;
  testId: string;
  onPlaying?: () => void;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = stream;
    return () => {
      video.srcObject = null;
    };
  }, [stream]);
  return (
    <video
      ref={ref}
      className="call-video"
      autoPlay
      playsInline
      muted={muted}
      aria-label={label}
      data-testid={testId}
      onPlaying={onPlaying}
    />
  );
}

/** The other side's voice. */
export function StreamAudio({ stream }: { stream: MediaStream }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = stream;
    return () => {
      audio.srcObject = null;
    };
  }, [stream]);
  return <audio ref={ref} autoPlay data-testid="agent-remote-audio" />;
}
