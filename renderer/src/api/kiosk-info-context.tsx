import { createContext, useContext } from 'react';
import type { KioskInfo } from '../../../core/api/contract';

export const KioskInfoContext = createContext<KioskInfo | null>(null);

/** The station and UI settings from `kiosk.info`; the shell renders only once they are known. */
export function useKioskInfo(): KioskInfo {
  const info = useContext(KioskInfoContext);
  if (!info) throw new Error('useKioskInfo must be used below <KioskInfoContext.Provider>');
  return info;
}
