// PLACEHOLDER: replaced by the journey's owner. Keeps the shell compiling meanwhile.

export function LifeEventsScreen(_props: {
  onApply: (matterCodes: readonly string[], lifeEventId: string) => void;
  onOpenMatter: (code: string) => void;
  onExit: () => void;
}): null {
  return null;
}
