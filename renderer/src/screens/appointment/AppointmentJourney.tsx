// PLACEHOLDER: replaced by the journey's owner. Keeps the shell compiling meanwhile.

export function AppointmentJourney(_props: {
  mode: 'book' | 'checkIn';
  matterCode: string | null;
  servicePointId: string | null;
  onExit: () => void;
}): null {
  return null;
}
