import { useState } from 'react';
import type { DeviceTestOutcome } from '../../../../core/api/technician';
import { useT } from '../../i18n/use-t';
import { useTechnicianApi } from './technician-api';
import { TestResult } from './TestResult';

/** A test core runs itself: read a test card (masked answer) or print a test page. */
export function CoreTest({ test, onDone }: { test: 'readCard' | 'printTestPage'; onDone: () => void }) {
  const { t } = useT();
  const api = useTechnicianApi();
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'running' }
    | { kind: 'done'; outcome: DeviceTestOutcome }
    | { kind: 'unavailable' }
    | { kind: 'failed' }
  >({ kind: 'idle' });

  const run = async () => {
    setState({ kind: 'running' });
    const answer = await api.call('technician.testDevice', { test });
    if (answer.ok) setState({ kind: 'done', outcome: answer.value });
    else setState({ kind: answer.error.code === 'deviceUnavailable' ? 'unavailable' : 'failed' });
    onDone();
  };

  return (
    <div className="technician-test" data-test={test}>
      <button type="button" className="button" disabled={state.kind === 'running'} onClick={() => void run()}>
        {t(`technician:test.${test}`)}
      </button>
      {state.kind === 'running' && (
        <p role="status">{test === 'readCard' ? t('technician:test.readCardHint') : t('technician:test.running')}</p>
      )}
      {state.kind === 'done' && <TestResult passed={state.outcome.passed} detail={state.outcome.detail} />}
      {state.kind === 'unavailable' && <TestResult passed={false} detail={t('technician:test.unavailable')} />}
      {state.kind === 'failed' && <TestResult passed={false} detail={t('technician:test.failedToRun')} />}
    </div>
  );
}
