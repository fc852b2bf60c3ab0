/** The one line under a step's question saying what to do; voice mode reads it after the title. */
export function StepHint({ text }: { text: string }) {
  return (
    <p className="journey-note" data-speech="hint">
      {text}
    </p>
  );
}
