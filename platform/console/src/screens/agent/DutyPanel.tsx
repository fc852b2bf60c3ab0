import { useState } from 'react';
import type { AgentSocketStatus } from '../../api/agent-socket';
import { useWords } from '../../app/console-context';
import { Section } from '../../app/ui';
import { topicChoices, toggleTopic, type AgentReference } from '../../view/agent-reference';
import type { AgentPageState } from '../../view/agent-state';

/**
 * 上岗 / 下岗 and the topics taken. No topic ticked: every topic. The topics offered are those the
 * platform has named in a queue on this PC (view/agent-reference.ts); changing them while on duty
 * sends `duty` again.
 */
export function DutyPanel({
  duty,
  socket,
  reference,
  disabled,
  onDuty,
}: {
  duty: AgentPageState['duty'];
  socket: AgentSocketStatus;
  reference: AgentReference;
  disabled: boolean;
  onDuty: (onDuty: boolean, topics: readonly string[]) => void;
}) {
  const { t } = useWords();
  const [topics, setTopics] = useState<readonly string[]>(reference.chosen);
  const choices = topicChoices(reference);
  const change = (next: readonly string[]) => {
    setTopics(next);
    if (duty.wanted) onDuty(true, next);
  };
  const status = duty.onDuty ? 'onDuty' : duty.wanted ? 'joining' : 'offDuty';
  return (
    <Section title={t('agent:duty.title')} id="agent-duty">
      <p data-testid="agent-duty-status" data-status={status}>
        {t(`agent:duty.status.${status}`)}
        {duty.onDuty && (
          <span className="muted">
            {' · '}
            {duty.topics.length === 0
              ? t('agent:duty.allTopics')
              : t('agent:duty.someTopics', { count: duty.topics.length })}
          </span>
        )}
      </p>
      {duty.refused && (
        <p className="notice notice-error" role="alert" data-testid="agent-duty-refused">
          {t('agent:duty.refused', { reason: duty.refused })}
        </p>
      )}
      <fieldset className="topic-choice" disabled={disabled}>
        <legend>{t('agent:duty.topics')}</legend>
        <p className="muted">{t('agent:duty.topicsHint')}</p>
        {choices.map((choice) => (
          <label key={choice.id} className="checkbox">
            <input
              type="checkbox"
              data-testid={`agent-topic-${choice.id}`}
              checked={topics.includes(choice.id)}
              onChange={() => change(toggleTopic(topics, choice.id))}
            />
            {choice.name ?? t('agent:topicGeneral')}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        {duty.wanted ? (
          <button type="button" data-testid="agent-off-duty" disabled={disabled} onClick={() => onDuty(false, topics)}>
            {t('agent:duty.off')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="agent-on-duty"
            disabled={disabled || (socket.state === 'refused' && socket.reason === 'forbidden')}
            onClick={() => onDuty(true, topics)}
          >
            {t('agent:duty.on')}
          </button>
        )}
      </div>
    </Section>
  );
}
