import { useState } from 'react';
import type { DeviceKind } from '../../../../core/api/devices';
import type { DeviceTestOutcome, InspectionDraft, InspectionRecord } from '../../../../core/api/technician';
import type { InspectionConsumable, SupplyLevel } from '../../../../platform/contract/terminals';
import { useT } from '../../i18n/use-t';
import { DeviceTestControls } from './DevicesTab';
import { QueryView } from './QueryView';
import { useTechnicianApi } from './technician-api';
import { useTechnicianQuery } from './use-technician-query';

const DEVICES: readonly DeviceKind[] = ['idCardReader', 'printer', 'documentCamera', 'evaluationKeypad', 'qrScanner'];
/** The QR scanner is optional: it is inspected where the station has one. */
const fitted = (device: DeviceKind, devices: ReadonlyArray<{ device: DeviceKind }>) =>
  device !== 'qrScanner' || devices.some((status) => status.device === device);
const SUPPLY_LEVELS: readonly SupplyLevel[] = ['full', 'low', 'out', 'unknown'];
const OUTCOMES: ReadonlyArray<InspectionDraft['outcome']> = ['normal', 'fixedOnSite', 'needsRepair'];

/** This inspection's results so far: tests run since the technician came in. */
function TestsSoFar({ tests, device }: { tests: readonly DeviceTestOutcome[]; device: DeviceKind }) {
  const { t } = useT();
  const mine = tests.filter((test) => test.device === device);
  if (mine.length === 0) return <span className="technician-tag">{t('technician:device.notTested')}</span>;
  return (
    <>
      {mine.map((test) => (
        <span key={test.test} className="technician-tag" data-passed={test.passed}>
          {t(`technician:test.${test.test}`)} ·{' '}
          {test.passed ? t('technician:device.passed') : t('technician:device.failed')}
        </span>
      ))}
    </>
  );
}

type Submission =
  { kind: 'idle' } | { kind: 'submitting' } | { kind: 'done'; record: InspectionRecord } | { kind: 'failed' };

/** The guided 巡检: each device test, consumables and cleaning, who and the outcome, then submit and print. */
export function InspectionTab() {
  const { t } = useT();
  const api = useTechnicianApi();
  const [overview, reload] = useTechnicianQuery('technician.overview');
  const [paperLevel, setPaperLevel] = useState<SupplyLevel>('full');
  const [paperReplaced, setPaperReplaced] = useState(false);
  const [cleaned, setCleaned] = useState(false);
  const [name, setName] = useState('');
  const [staffId, setStaffId] = useState('');
  const [outcome, setOutcome] = useState<InspectionDraft['outcome']>('normal');
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState(false);
  const [submission, setSubmission] = useState<Submission>({ kind: 'idle' });
  const [print, setPrint] = useState<'idle' | 'printing' | 'printed' | 'failed'>('idle');

  const submit = async () => {
    if (name.trim() === '' || staffId.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setSubmission({ kind: 'submitting' });
    if (paperReplaced) await api.call('technician.recordPaperReplaced', {});
    const consumables: InspectionConsumable[] = [
      {
        kind: 'receiptPaper',
        level: paperReplaced ? 'full' : paperLevel,
        replaced: paperReplaced,
        estimatedRemaining: null,
      },
    ];
    if (cleaned)
      consumables.push({
        kind: 'cleaningKit',
        level: 'unknown',
        replaced: false,
        estimatedRemaining: null,
        note: 'cleaned',
      });
    const draft: InspectionDraft = {
      inspector: { name: name.trim(), staffId: staffId.trim() },
      startedAt: api.session.startedAt,
      consumables,
      outcome,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    const answer = await api.call('technician.submitInspection', { draft });
    setSubmission(answer.ok ? { kind: 'done', record: answer.value } : { kind: 'failed' });
  };

  const printIt = async (id: string) => {
    setPrint('printing');
    const answer = await api.call('technician.printInspection', { id });
    setPrint(answer.ok ? 'printed' : 'failed');
  };

  if (submission.kind === 'done') {
    const { record } = submission;
    return (
      <section className="technician-panel" data-testid="technician-inspection-done">
        <p className="technician-result" data-passed={record.delivery === 'sent'} role="status">
          {record.delivery === 'sent'
            ? t('technician:inspection.sent', { id: record.platformId ?? record.id })
            : t('technician:inspection.queued', { id: record.id })}
        </p>
        <button
          type="button"
          className="button button--primary"
          disabled={print === 'printing'}
          onClick={() => void printIt(record.id)}
        >
          {print === 'printing' ? t('technician:inspection.printing') : t('technician:inspection.print')}
        </button>
        {print === 'printed' && <p role="status">{t('technician:inspection.printed')}</p>}
        {print === 'failed' && <p role="alert">{t('technician:inspection.printFailed')}</p>}
      </section>
    );
  }

  return (
    <section className="technician-panel" data-testid="technician-inspection">
      <p>{t('technician:inspection.intro')}</p>
      <h2>{t('technician:inspection.tests')}</h2>
      <QueryView query={overview} reload={reload}>
        {(value) => {
          const thisInspection = value.lastTests.filter(
            (test) => Date.parse(test.at) >= Date.parse(api.session.startedAt),
          );
          return (
            <ol className="technician-checklist">
              {DEVICES.filter((device) => fitted(device, value.devices.devices)).map((device) => (
                <li key={device} data-device={device}>
                  <h3>{t(`devices:kind.${device}`)}</h3>
                  <TestsSoFar tests={thisInspection} device={device} />
                  <div className="technician-card-actions">
                    <DeviceTestControls device={device} onDone={reload} />
                  </div>
                </li>
              ))}
            </ol>
          );
        }}
      </QueryView>

      <h2>{t('technician:inspection.consumables')}</h2>
      <fieldset className="technician-choices">
        <legend>{t('technician:inspection.paperLevel')}</legend>
        {SUPPLY_LEVELS.map((level) => (
          <label key={level} className="technician-choice">
            <input
              type="radio"
              name="paper-level"
              checked={paperLevel === level}
              onChange={() => setPaperLevel(level)}
            />
            {t(`technician:supply.${level}`)}
          </label>
        ))}
      </fieldset>
      <label className="technician-choice">
        <input type="checkbox" checked={paperReplaced} onChange={(event) => setPaperReplaced(event.target.checked)} />
        {t('technician:inspection.paperReplaced')}
      </label>
      <label className="technician-choice">
        <input type="checkbox" checked={cleaned} onChange={(event) => setCleaned(event.target.checked)} />
        {t('technician:inspection.cleaned')}
      </label>

      <h2>{t('technician:inspection.inspector')}</h2>
      <label className="technician-field">
        {t('technician:inspection.inspectorName')}
        <input
          value={name}
          maxLength={64}
          onChange={(event) => setName(event.target.value)}
          data-testid="inspector-name"
        />
      </label>
      <label className="technician-field">
        {t('technician:inspection.staffId')}
        <input
          value={staffId}
          maxLength={64}
          onChange={(event) => setStaffId(event.target.value)}
          data-testid="inspector-staff-id"
        />
      </label>
      <fieldset className="technician-choices">
        <legend>{t('technician:inspection.outcome')}</legend>
        {OUTCOMES.map((value) => (
          <label key={value} className="technician-choice">
            <input type="radio" name="outcome" checked={outcome === value} onChange={() => setOutcome(value)} />
            {t(`technician:outcome.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="technician-field">
        {t('technician:inspection.notes')}
        <textarea value={notes} maxLength={2000} rows={3} onChange={(event) => setNotes(event.target.value)} />
      </label>

      {missing && <p role="alert">{t('technician:inspection.missing')}</p>}
      {submission.kind === 'failed' && <p role="alert">{t('technician:inspection.failed')}</p>}
      <button
        type="button"
        className="button button--primary"
        data-testid="inspection-submit"
        disabled={submission.kind === 'submitting'}
        onClick={() => void submit()}
      >
        {submission.kind === 'submitting' ? t('technician:inspection.submitting') : t('technician:inspection.submit')}
      </button>
    </section>
  );
}
