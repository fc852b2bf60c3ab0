// PLACEHOLDER: replaced by the journey's owner. Keeps the shell compiling meanwhile.

export function RatingJourney(_props: { onExit: () => void }): null {
  return null;
}
