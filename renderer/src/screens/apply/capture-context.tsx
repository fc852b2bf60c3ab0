import { createContext, useContext, type ReactNode } from 'react';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { MaterialCapture } from '../../camera';

export interface CaptureStepProps {
  readonly materialName: string;
  readonly onDone: (result: { captureId: string; pageCount: number }) => void;
  readonly onCancel: () => void;
}

/** The document camera as the journey uses it: MaterialCapture on the station's configured camera. */
function StationMaterialCapture(props: CaptureStepProps) {
  const { documentCamera } = useKioskInfo();
  return <MaterialCapture {...props} deviceLabel={documentCamera.deviceLabel ?? undefined} />;
}

export type RenderCapture = (props: CaptureStepProps) => ReactNode;

const renderStationCapture: RenderCapture = (props) => <StationMaterialCapture {...props} />;

/**
 * What the materials step shows while capturing. Tests put a stand-in here, since a camera
 * cannot run in happy-dom; the kiosk always uses the real one.
 */
export const CaptureRendererContext = createContext<RenderCapture>(renderStationCapture);

export function useRenderCapture(): RenderCapture {
  return useContext(CaptureRendererContext);
}
