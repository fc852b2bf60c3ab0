import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceKind } from '../../../../core/api/devices';
import type { DeviceTestName } from '../../../../core/api/technician';
import { useClient } from '../../api/api-context';
import { captureTestFrame } from '../../camera';
import { useT } from '../../i18n/use-t';
import { playTestTone } from './play-tone';
import { useTechnicianApi } from './technician-api';
import { TestResult } from './TestResult';

const LEVELS = [5, 4, 3, 2, 1] as const;

/** Sends a test the renderer ran to core (technician.recordTest) and shows what was recorded. */
function useRecord(device: DeviceKind, test: DeviceTestName, onDone: () => void) {
  const api = useTechnicianApi();
  const [result, setResult] = useState<{ passed: boolean; detail: string } | null>(null);
  const record = useCallback(
    async (passed: boolean, detail: string, shown = detail) => {
      await api.call('technician.recordTest', { device, test, passed, detail });
      setResult({ passed, detail: shown });
      onDone();
    },
    [api, device, test, onDone],
  );
  return { result, record };
}

/** One frame from the document camera: opened, measured for sharpness, closed again. */
export function CaptureFrameTest({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const [running, setRunning] = useState(false);
  const { result, record } = useRecord('documentCamera', 'captureFrame', onDone);
  const run = async () => {
    setRunning(true);
    const frame = await captureTestFrame();
    setRunning(false);
    if (frame.ok) {
      const detail = `${frame.width}x${frame.height}, sharpness ${frame.sharpness}`;
      await record(
        true,
        detail,
        t('technician:test.frameOk', { width: frame.width, height: frame.height, sharpness: frame.sharpness }),
      );
    } else {
      const reason =
        frame.code === 'noFrame' ? t('technician:test.frameNoFrame') : t(`devices:code.${frame.code as 'ok'}`);
      await record(false, `no frame: ${frame.code}`, t('technician:test.frameFailed', { reason }));
    }
  };
  return (
    <div className="technician-test" data-test="captureFrame">
      <button type="button" className="button" disabled={running} onClick={() => void run()}>
        {t('technician:test.captureFrame')}
      </button>
      {running && <p role="status">{t('technician:test.running')}</p>}
      {result && <TestResult {...result} />}
    </div>
  );
}

/** Press each key: the keypad's `keypad.pressed` events tick levels 5…1 off. */
export function KeypadTest({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const client = useClient();
  const [listening, setListening] = useState(false);
  const [pressed, setPressed] = useState<ReadonlySet<number>>(new Set());
  const pressedRef = useRef<ReadonlySet<number>>(new Set());
  const [unmapped, setUnmapped] = useState<string | null>(null);
  const { result, record } = useRecord('evaluationKeypad', 'pressEachKey', onDone);

  useEffect(() => {
    if (!listening) return;
    return client.on('keypad.pressed', (press) => {
      if (press.level === null) {
        setUnmapped(press.key);
        return;
      }
      pressedRef.current = new Set([...pressedRef.current, press.level]);
      setPressed(pressedRef.current);
      if (LEVELS.every((level) => pressedRef.current.has(level))) {
        setListening(false);
        void record(true, 'all 5 keys pressed', t('technician:test.keysAllDone'));
      }
    });
  }, [client, listening, record, t]);

  const giveUp = () => {
    setListening(false);
    const missing = LEVELS.filter((level) => !pressed.has(level));
    void record(
      false,
      `no press from level ${missing.join(', ')}`,
      t('technician:test.keysMissing', {
        levels: missing.map((level) => t(`technician:level.${level}`)).join(t('technician:test.listSeparator')),
      }),
    );
  };

  return (
    <div className="technician-test" data-test="pressEachKey">
      <button
        type="button"
        className="button"
        disabled={listening}
        onClick={() => {
          pressedRef.current = new Set();
          setPressed(pressedRef.current);
          setUnmapped(null);
          setListening(true);
        }}
      >
        {t('technician:test.pressEachKey')}
      </button>
      {listening && (
        <>
          <p>{t('technician:test.keysHint')}</p>
          <ol className="technician-keys" data-testid="technician-keys">
            {LEVELS.map((level) => (
              <li key={level} data-pressed={pressed.has(level) || undefined}>
                {t(`technician:level.${level}`)} ·{' '}
                {pressed.has(level) ? t('technician:test.keyDone') : t('technician:test.keyWaiting')}
              </li>
            ))}
          </ol>
          {unmapped && <p>{t('technician:test.keyUnmapped', { key: unmapped })}</p>}
          <button type="button" className="button" onClick={giveUp}>
            {t('technician:test.keysGiveUp')}
          </button>
        </>
      )}
      {result && <TestResult {...result} />}
    </div>
  );
}

/** A tone through the kiosk's speaker; only the technician can say whether it was heard. */
export function SoundTest({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  // The sound test has no device of its own in the kiosk's four; core reports it as the speaker.
  const { result, record } = useRecord('evaluationKeypad', 'playSound', onDone);
  const play = async () => {
    const played = await playTestTone();
    if (played) setAsking(true);
    else await record(false, 'no audio output', t('technician:test.noAudio'));
  };
  const answer = (heard: boolean) => {
    setAsking(false);
    void record(heard, heard ? 'tone heard' : 'tone not heard', '');
  };
  return (
    <div className="technician-test" data-test="playSound">
      <button type="button" className="button" onClick={() => void play()}>
        {t('technician:test.playSound')}
      </button>
      {asking && (
        <div className="technician-question">
          <p>{t('technician:test.heardQuestion')}</p>
          <button type="button" className="button button--primary" onClick={() => answer(true)}>
            {t('technician:test.heardYes')}
          </button>
          <button type="button" className="button" onClick={() => answer(false)}>
            {t('technician:test.heardNo')}
          </button>
        </div>
      )}
      {result && <TestResult {...result} />}
    </div>
  );
}
