import { useState } from 'react';
import { useKioskInfo } from '../api/kiosk-info-context';
import { MaterialCapture } from '../camera';
import { useT } from '../i18n/use-t';

/**
 * Dev builds only (`#camera-harness`): the material capture on its own, so the document camera
 * can be tried and tested end to end before a journey uses it.
 */
export function CameraHarness() {
  const { t } = useT();
  const { documentCamera } = useKioskInfo();
  const [done, setDone] = useState<{ captureId: string; pageCount: number } | null>(null);
  if (done) {
    return (
      <main className="camera-harness" data-testid="camera-harness-done" data-page-count={done.pageCount}>
        <p>{t('devices:dev.captureDone', { count: done.pageCount })}</p>
      </main>
    );
  }
  return (
    <main className="camera-harness" data-testid="camera-harness">
      <MaterialCapture
        materialName={t('devices:dev.sampleMaterial')}
        deviceLabel={documentCamera.deviceLabel ?? undefined}
        onDone={setDone}
      />
    </main>
  );
}
