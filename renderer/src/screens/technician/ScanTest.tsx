import { useState } from 'react';
import type { DeviceTestOutcome } from '../../../../core/api/technician';
import type { ScanTestResult } from '../../../../core/api/scanner';
import { useT } from '../../i18n/use-t';
import { useTechnicianApi } from './technician-api';
import { TestResult } from './TestResult';

/** How long the scan test waits for a code. */
export const SCAN_TEST_SECONDS = 30;

/**
 * 扫码测试: core waits for the next read of the QR scanner (any code: the station's test sheet, a
 * receipt, a phone's QR) and the technician sees what was read and how a resident's scan of it
 * would be taken. The record keeps only its length and kind.
 */
export function ScanTest({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const api = useTechnicianApi();
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'waiting' }
    | { kind: 'done'; outcome: DeviceTestOutcome; read: ScanTestResult | null }
    | { kind: 'unavailable'; message: string }
    | { kind: 'failed' }
  >({ kind: 'idle' });

  const run = async () => {
    setState({ kind: 'waiting' });
    const answer = await api.call('technician.testScanner', { timeoutSeconds: SCAN_TEST_SECONDS });
    if (answer.ok) setState({ kind: 'done', outcome: answer.value.outcome, read: answer.value.read });
    else if (answer.error.code === 'deviceUnavailable')
      setState({ kind: 'unavailable', message: answer.error.message });
    else setState({ kind: 'failed' });
    onDone();
  };

  return (
    <div className="technician-test" data-test="scanCode">
      <button type="button" className="button" disabled={state.kind === 'waiting'} onClick={() => void run()}>
        {t('technician:test.scanCode')}
      </button>
      {state.kind === 'waiting' && (
        <p role="status" data-testid="scan-test-waiting">
          {t('technician:test.scanCodeHint', { seconds: SCAN_TEST_SECONDS })}
        </p>
      )}
      {state.kind === 'done' && (
        <>
          <TestResult passed={state.outcome.passed} detail={state.outcome.detail} />
          {state.read && (
            <p className="technician-scan-read" data-testid="scan-test-read" data-recognised={state.read.recognisedAs}>
              {t('technician:test.scanCodeRead', {
                kind: t(`technician:test.scanKind.${state.read.recognisedAs}`),
              })}
              <code>{state.read.text}</code>
            </p>
          )}
        </>
      )}
      {state.kind === 'unavailable' && (
        <TestResult passed={false} detail={`${t('technician:test.unavailable')} (${state.message})`} />
      )}
      {state.kind === 'failed' && <TestResult passed={false} detail={t('technician:test.failedToRun')} />}
    </div>
  );
}
