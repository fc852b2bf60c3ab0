import { useCallback, useState } from 'react';
import { PinPadScreen } from './PinPadScreen';
import { TechnicianApiProvider, type TechnicianSession } from './technician-api';
import { TechnicianScreen } from './TechnicianScreen';
import './technician.css';

/**
 * Technician mode as the shell shows it: the PIN pad until core opens a session, then the
 * technician screen. `onEntered` tells the shell (VendorMode active); `onLeave` returns to attract.
 */
export function TechnicianMode({ onEntered, onLeave }: { onEntered: () => void; onLeave: () => void }) {
  const [session, setSession] = useState<TechnicianSession | null>(null);
  const ended = useCallback(() => {
    setSession(null);
    onLeave();
  }, [onLeave]);

  if (!session) {
    return (
      <PinPadScreen
        onEntered={(opened) => {
          setSession(opened);
          onEntered();
        }}
        onCancel={onLeave}
      />
    );
  }
  return (
    <TechnicianApiProvider session={session} onEnded={ended}>
      <TechnicianScreen />
    </TechnicianApiProvider>
  );
}
