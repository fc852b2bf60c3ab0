// PLACEHOLDER: replaced by the journey's owner. Keeps the shell compiling meanwhile.

export function SearchScreen(_props: { onOpenMatter: (code: string) => void; onExit: () => void }): null {
  return null;
}
