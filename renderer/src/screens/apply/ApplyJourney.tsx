// PLACEHOLDER: replaced by the journey's owner. Keeps the shell compiling meanwhile.

export function ApplyJourney(_props: {
  matterCodes: readonly string[];
  lifeEventId: string | null;
  onExit: () => void;
}): null {
  return null;
}
