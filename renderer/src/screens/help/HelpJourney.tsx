import { useFinishVisit, useVisit } from '../../shell/shell-context';
import { useMachine } from '@xstate/react';
import { useEffect, useState } from 'react';
import { apiPart } from '../../api/api-part';
import { useApiQuery } from '../../api/use-api-query';
import { useElder } from '../../components/ChoicePages';
import { UiIcon } from '../../components/icons/UiIcon';
import { useT } from '../../i18n/use-t';
import { useClientRememberingPhones } from '../../shell/visit-memory';
import type { ElderHelpStep } from './elder-steps';
import { ElderHelpSteps } from './ElderHelpSteps';
import { createHelpMachine, helpMethods } from './help-machine';
import { HelpFormView } from './HelpFormView';
import { MyHelpRequests } from './MyHelpRequests';
import { AssistanceSlip } from './AssistanceSlip';
import { OffDutyNotice } from './OffDutyNotice';
import { StationContacts } from './StationContacts';
import { VideoHelpChoice } from '../../video-help/VideoHelpChoice';
import './help.css';

/** The matter the resident asked from, by name; its code while the name is not known. */
function AttachedMatter({ code }: { code: string }) {
  const { t } = useT();
  const matter = useApiQuery('catalog.matter', { code }, 'help');
  const name = matter.status === 'ok' ? matter.value.name : code;
  return (
    <p className="notice" data-testid="help-matter" data-code={code}>
      {t('help:matter', { name })}
    </p>
  );
}

/**
 * 帮办代办 (help). The station's hotline and agents stay on screen beside the form, so a resident
 * who cannot or will not fill it in still has a number to call.
 */
export function HelpJourney({ matterCode, onExit }: { matterCode: string | null; onExit: () => void }) {
  const { t } = useT();
  // A phone sent here is offered again by the next journey of this visit.
  const client = useClientRememberingPhones();
  const [machine] = useState(() => createHelpMachine(apiPart(client, helpMethods), matterCode));
  const [state, send] = useMachine(machine);
  const elder = useElder();
  const [elderStep, setElderStep] = useState<ElderHelpStep>('kind');
  const [following, setFollowing] = useState(false);

  const finishVisit = useFinishVisit();
  // The matter whose guide the help was asked from (a guide underneath the help screen).
  const openMatterCode = useVisit().matterCode;
  const done = state.status === 'done';
  useEffect(() => {
    if (done) onExit();
  }, [done, onExit]);

  const { form, problems, receipt, failure } = state.context;
  let body;
  if (following) {
    body = <MyHelpRequests onBack={() => setFollowing(false)} />;
  } else if (state.matches('slip') && receipt) {
    // The request is sent and its slip shown (完成): the resident is done, the visit ends.
    body = <AssistanceSlip receipt={receipt} onDone={finishVisit} />;
  } else if (state.matches('failed')) {
    body = (
      <div className="state-panel" role="alert" data-testid="help-failed" data-failure={failure}>
        <UiIcon name="info" size={72} />
        <p className="state-body" data-speech="hint">
          {t(`help:failed.${failure ?? 'sendFailed'}`)}
        </p>
        <div className="state-actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="help-edit"
            onClick={() => send({ type: 'EDIT' })}
          >
            {t('help:failed.edit')}
          </button>
        </div>
      </div>
    );
  } else if (elder) {
    body = (
      <ElderHelpSteps
        form={form}
        problems={problems}
        sending={state.matches('submitting')}
        send={send}
        step={elderStep}
        onStep={setElderStep}
      />
    );
  } else {
    body = <HelpFormView form={form} problems={problems} sending={state.matches('submitting')} send={send} />;
  }
  const editing = !state.matches('slip') && !state.matches('failed');

  return (
    <section
      className="screen help"
      data-testid="help-screen"
      data-state={String(state.value)}
      aria-labelledby="help-title"
      onPointerDown={() => send({ type: 'ACTIVITY' })}
    >
      <header className="screen-heading">
        <h1 id="help-title" className="screen-title" data-speech="title">
          {t('help:title')}
        </h1>
        {/* 长辈版 keeps the explanation to the first question; each step then has only its own. */}
        {(!elder || elderStep === 'kind') && (
          <p className="screen-subtitle" data-speech={!elder && editing ? 'hint' : undefined}>
            {t('help:subtitle')}
          </p>
        )}
      </header>
      {/* 长辈版: the question first, the numbers to call under it (still on the same screen). */}
      <div className={elder ? 'help-layout help-layout--elder' : 'help-layout'}>
        <div className="help-main">
          {matterCode && <AttachedMatter code={matterCode} />}
          {editing && !following && <OffDutyNotice />}
          {/* 视频帮办 first: one tap to a person (shown only while core says it is offered). */}
          {editing && !following && (!elder || elderStep === 'kind') && (
            <VideoHelpChoice matterCode={matterCode ?? openMatterCode} />
          )}
          {editing && !following && (!elder || elderStep === 'kind') && (
            <button type="button" className="button" data-testid="help-mine-open" onClick={() => setFollowing(true)}>
              {t('help:mine.open')}
            </button>
          )}
          {body}
        </div>
        <StationContacts />
      </div>
    </section>
  );
}
