/**
 * A one-second 880 Hz tone at moderate volume through WebAudio. Resolves false when the page has
 * no audio output (no AudioContext, or the context cannot start), so the test fails in words
 * instead of waiting for a question nobody can answer.
 */
export async function playTestTone(durationMs = 1_000): Promise<boolean> {
  const AudioContextClass = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!AudioContextClass) return false;
  try {
    const context = new AudioContextClass();
    await context.resume();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = 880;
    gain.gain.value = 0.3;
    oscillator.connect(gain).connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + durationMs / 1000);
    oscillator.onended = () => void context.close();
    return true;
  } catch {
    return false;
  }
}
