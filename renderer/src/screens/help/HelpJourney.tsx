// PLACEHOLDER: replaced by the journey's owner. Keeps the shell compiling meanwhile.

export function HelpJourney(_props: { matterCode: string | null; onExit: () => void }): null {
  return null;
}
