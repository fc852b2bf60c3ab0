import { useT } from '../../i18n/use-t';

/** Pass or fail in words first, colour second; the detail is plain text from the test. */
export function TestResult({ passed, detail }: { passed: boolean; detail: string }) {
  const { t } = useT();
  return (
    <p className="technician-result" data-passed={passed} role="status" data-testid="technician-test-result">
      <strong>{passed ? t('technician:device.passed') : t('technician:device.failed')}</strong>
      {detail ? ` · ${detail}` : null}
    </p>
  );
}
