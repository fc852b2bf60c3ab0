// PLACEHOLDER: replaced by the journey's owner. Keeps the shell compiling meanwhile.

export function ServiceMapJourney(_props: { onExit: () => void; onBook: (servicePointId: string) => void }): null {
  return null;
}
