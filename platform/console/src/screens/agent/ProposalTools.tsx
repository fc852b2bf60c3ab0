import { useState, type Dispatch, type FormEvent } from 'react';
import { MatterRef } from '../../../../contract/common';
import { ProposalAction, type AgentVideoMessage } from '../../../../contract/video-help';
import { useWords } from '../../app/console-context';
import { Section } from '../../app/ui';
import { proposableFields } from '../../view/agent-fields';
import { mayPropose, proposalSubject } from '../../view/agent-proposals';
import type { AgentReference } from '../../view/agent-reference';
import type { AgentAction, CallView } from '../../view/agent-state';

type Kind = ProposalAction['kind'];

/**
 * What the agent may propose: open a matter, fill a field, go to a step. Each goes to the kiosk
 * as a proposal the resident accepts or declines; the list shows what became of each.
 */
export function ProposalTools({
  call,
  reference,
  send,
  dispatch,
}: {
  call: CallView;
  reference: AgentReference;
  send: (message: AgentVideoMessage) => boolean;
  dispatch: Dispatch<AgentAction>;
}) {
  const { t } = useWords();
  const [kind, setKind] = useState<Kind>('openMatter');
  const [error, setError] = useState(false);
  const allowed = mayPropose(call.proposals, call.screen?.elderMode ?? call.call.elderMode);
  const propose = (action: ProposalAction): boolean => {
    const checked = ProposalAction.safeParse(action);
    if (!checked.success) {
      setError(true);
      return false;
    }
    const proposal = { proposalId: crypto.randomUUID(), action: checked.data };
    const sent = send({ t: 'proposal', callId: call.call.callId, proposal });
    setError(!sent);
    if (sent) dispatch({ type: 'proposalSent', proposal, now: new Date() });
    return sent;
  };
  return (
    <Section title={t('agent:propose.title')} id="agent-propose">
      <div className="button-row" role="group" aria-label={t('agent:propose.kind')}>
        {(['openMatter', 'fillField', 'goToStep'] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={kind === option}
            data-testid={`agent-propose-${option}`}
            onClick={() => setKind(option)}
          >
            {t(`agent:propose.kinds.${option}`)}
          </button>
        ))}
      </div>
      {!allowed && <p className="muted">{t('agent:propose.oneAtATime')}</p>}
      {kind === 'openMatter' && <OpenMatter reference={reference} disabled={!allowed} propose={propose} />}
      {kind === 'fillField' && <FillField call={call} disabled={!allowed} propose={propose} />}
      {kind === 'goToStep' && <GoToStep call={call} disabled={!allowed} propose={propose} />}
      {error && (
        <p className="notice notice-error" role="alert">
          {t('agent:propose.notSent')}
        </p>
      )}
      <ProposalList call={call} />
    </Section>
  );
}

type Propose = (action: ProposalAction) => boolean;

function OpenMatter({
  reference,
  disabled,
  propose,
}: {
  reference: AgentReference;
  disabled: boolean;
  propose: Propose;
}) {
  const { t } = useWords();
  const [code, setCode] = useState('');
  const [typedName, setTypedName] = useState('');
  const known = reference.matters.find((matter) => matter.matterCode === code);
  const name = known?.matterName ?? typedName.trim();
  const valid =
    MatterRef.shape.matterCode.safeParse(code).success && MatterRef.shape.matterName.safeParse(name).success;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid && propose({ kind: 'openMatter', matterCode: code, matterName: name })) {
      setCode('');
      setTypedName('');
    }
  };
  return (
    <form className="grid-form" onSubmit={submit} data-testid="agent-propose-matter-form">
      <label>
        {t('agent:propose.matter')}
        <input
          name="matterCode"
          list="agent-known-matters"
          data-testid="agent-propose-matter-code"
          value={code}
          placeholder={t('agent:propose.matterCode')}
          onChange={(event) => setCode(event.target.value.trim())}
        />
        <datalist id="agent-known-matters">
          {reference.matters.map((matter) => (
            <option key={matter.matterCode} value={matter.matterCode}>
              {matter.matterName}
            </option>
          ))}
        </datalist>
      </label>
      {known ? (
        <p data-testid="agent-propose-matter-name">{known.matterName}</p>
      ) : (
        <label>
          {t('agent:propose.matterName')}
          <input
            name="matterName"
            data-testid="agent-propose-matter-typed-name"
            value={typedName}
            maxLength={128}
            onChange={(event) => setTypedName(event.target.value)}
          />
        </label>
      )}
      <button type="submit" className="primary" disabled={disabled || !valid} data-testid="agent-propose-send">
        {t('agent:propose.send')}
      </button>
    </form>
  );
}

function FillField({ call, disabled, propose }: { call: CallView; disabled: boolean; propose: Propose }) {
  const { t } = useWords();
  const fields = proposableFields(call.screen);
  const [fieldId, setFieldId] = useState('');
  const [value, setValue] = useState('');
  const field = fields.find((candidate) => candidate.id === fieldId) ?? fields[0];
  if (!field) return <p className="muted">{t('agent:propose.noFields')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (propose({ kind: 'fillField', fieldId: field.id, label: field.label, value: value.trim() })) setValue('');
  };
  return (
    <form className="grid-form" onSubmit={submit} data-testid="agent-propose-field-form">
      <label>
        {t('agent:propose.field')}
        <select
          name="fieldId"
          data-testid="agent-propose-field"
          value={field.id}
          onChange={(event) => setFieldId(event.target.value)}
        >
          {fields.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('agent:propose.value')}
        <input
          name="value"
          data-testid="agent-propose-value"
          value={value}
          maxLength={300}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      <button
        type="submit"
        className="primary"
        disabled={disabled || value.trim() === ''}
        data-testid="agent-propose-send"
      >
        {t('agent:propose.send')}
      </button>
    </form>
  );
}

function GoToStep({ call, disabled, propose }: { call: CallView; disabled: boolean; propose: Propose }) {
  const { t } = useWords();
  const steps = call.screen?.steps ?? [];
  const [stepId, setStepId] = useState('');
  const step = steps.find((candidate) => candidate.id === stepId) ?? steps[0];
  if (!step) return <p className="muted">{t('agent:propose.noSteps')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    propose({ kind: 'goToStep', stepId: step.id, label: step.label });
  };
  return (
    <form className="grid-form" onSubmit={submit} data-testid="agent-propose-step-form">
      <label>
        {t('agent:propose.step')}
        <select
          name="stepId"
          data-testid="agent-propose-step"
          value={step.id}
          onChange={(event) => setStepId(event.target.value)}
        >
          {steps.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={disabled} data-testid="agent-propose-send">
        {t('agent:propose.send')}
      </button>
    </form>
  );
}

function ProposalList({ call }: { call: CallView }) {
  const { t } = useWords();
  if (call.proposals.length === 0) return null;
  return (
    <ol className="proposals" data-testid="agent-proposals">
      {call.proposals.map((entry) => (
        <li key={entry.proposal.proposalId} data-testid="agent-proposal" data-outcome={entry.outcome}>
          {t(`agent:propose.kinds.${entry.proposal.action.kind}`)}：{proposalSubject(entry.proposal.action)}
          {entry.proposal.action.kind === 'fillField' && ` = ${entry.proposal.action.value}`}{' '}
          <span className={`proposal-outcome proposal-${entry.outcome}`}>
            {t(`agent:propose.outcome.${entry.outcome}`)}
          </span>
        </li>
      ))}
    </ol>
  );
}
