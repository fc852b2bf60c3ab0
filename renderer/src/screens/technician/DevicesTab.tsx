import { useState } from 'react';
import type { DeviceKind, DeviceStatus } from '../../../../core/api/devices';
import type { TechnicianOverview } from '../../../../core/api/technician';
import { useT } from '../../i18n/use-t';
import { CoreTest } from './CoreTest';
import { formatDateTime } from './format-time';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { PaperCounter } from './PaperCounter';
import { QueryView } from './QueryView';
import { CaptureFrameTest, KeypadTest, SoundTest } from './RendererTests';
import { ScanTest } from './ScanTest';
import { MediaDeviceTest } from './MediaTests';
import { useTechnicianApi } from './technician-api';
import { useTechnicianQuery } from './use-technician-query';

/** The test (or tests) each device has; the sound test sits with the keypad's voice prompts. */
export function DeviceTestControls({ device, onDone }: { device: DeviceKind; onDone: () => void }) {
  switch (device) {
    case 'idCardReader':
      return <CoreTest test="readCard" onDone={onDone} />;
    case 'printer':
      return <CoreTest test="printTestPage" onDone={onDone} />;
    case 'documentCamera':
      return <CaptureFrameTest onDone={onDone} />;
    case 'evaluationKeypad':
      return (
        <>
          <KeypadTest onDone={onDone} />
          <SoundTest onDone={onDone} />
        </>
      );
    case 'qrScanner':
      return <ScanTest onDone={onDone} />;
    case 'faceCamera':
    case 'microphone':
      return <MediaDeviceTest device={device} onDone={onDone} />;
  }
}

function RestartButton({ device, onDone }: { device: DeviceKind; onDone: () => void }) {
  const { t } = useT();
  const api = useTechnicianApi();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void api.call('technician.restartDevice', { device }).then(() => {
          setBusy(false);
          onDone();
        });
      }}
    >
      {busy ? t('technician:device.restarting') : t('technician:device.restart')}
    </button>
  );
}

function DeviceCard({
  status,
  overview,
  onDone,
}: {
  status: DeviceStatus;
  overview: TechnicianOverview;
  onDone: () => void;
}) {
  const { t, i18n } = useT();
  const zone = useKioskInfo().station.timeZone;
  const identity = status.identity;
  return (
    <article className="technician-card" data-device={status.device} data-state={status.state}>
      <h2>
        {t(`devices:kind.${status.device}`)}
        {status.mode === 'emulated' && (
          <span className="badge technician-badge">{t('technician:device.emulated')}</span>
        )}
      </h2>
      <dl className="technician-facts">
        <dt>{t('technician:device.status')}</dt>
        <dd data-testid="technician-device-status">
          {t(`devices:state.${status.state}`)} · {t(`devices:code.${status.code}`)}
          {status.warnings.map((warning) => ` · ${t(`devices:code.${warning}`)}`).join('')}
        </dd>
        <dt>{t('technician:device.model')}</dt>
        <dd>{identity?.model ?? t('technician:device.unknown')}</dd>
        <dt>{t('technician:device.serial')}</dt>
        <dd>{identity?.serial ?? t('technician:device.unknown')}</dd>
        <dt>{t('technician:device.firmware')}</dt>
        <dd>{identity?.firmware ?? t('technician:device.unknown')}</dd>
        <dt>{t('technician:device.link')}</dt>
        <dd className="code">{status.link}</dd>
        <dt>{t('technician:device.lastError')}</dt>
        <dd>
          {status.lastError
            ? `${t(`devices:code.${status.lastError.code}`)} · ${formatDateTime(status.lastError.at, i18n.language, zone)}`
            : t('technician:device.noError')}
        </dd>
      </dl>
      {status.device === 'printer' && <PaperCounter counters={overview.printer} onDone={onDone} />}
      <div className="technician-card-actions">
        <DeviceTestControls device={status.device} onDone={onDone} />
        <RestartButton device={status.device} onDone={onDone} />
      </div>
    </article>
  );
}

export function DevicesTab() {
  const [overview, reload] = useTechnicianQuery('technician.overview');
  return (
    <QueryView query={overview} reload={reload}>
      {(value) => (
        <div className="technician-cards" data-testid="technician-devices">
          {value.devices.devices.map((status) => (
            <DeviceCard key={status.device} status={status} overview={value} onDone={reload} />
          ))}
        </div>
      )}
    </QueryView>
  );
}
