import { useEffect, useRef } from 'react';
import type { Proposal } from '../../../platform/contract/video-help';
import { useElder } from '../components/ChoicePages';
import { useT } from '../i18n/use-t';
import type { CallSession } from './call-session';

/** The proposed change in plain words. */
function useProposalWords(proposal: Proposal): string {
  const { t } = useT();
  const action = proposal.action;
  switch (action.kind) {
    case 'openMatter':
      return t('videoHelp:proposal.openMatter', { name: action.matterName });
    case 'fillField':
      return t('videoHelp:proposal.fillField', { label: action.label, value: action.value });
    case 'goToStep':
      return t('videoHelp:proposal.goToStep', { label: action.label });
  }
}

/** Focus the first answer when a question appears, so a screen reader and the keyboard land on it. */
function useFocusFirst<T extends HTMLElement>(key: string) {
  const first = useRef<T>(null);
  useEffect(() => first.current?.focus(), [key]);
  return first;
}

/**
 * One proposal at a time (the others wait behind it): what the agent proposes, 同意 or 不同意.
 * Read out in voice mode (an alert). Only 同意 changes anything.
 */
export function ProposalDialog({ session, proposal }: { session: CallSession; proposal: Proposal }) {
  const { t } = useT();
  const elder = useElder();
  const words = useProposalWords(proposal);
  const accept = useFocusFirst<HTMLButtonElement>(proposal.proposalId);
  return (
    <div
      className="videohelp-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="videohelp-proposal-title"
      aria-describedby="videohelp-proposal-words"
      data-testid="videohelp-proposal"
      data-kind={proposal.action.kind}
    >
      <h2 id="videohelp-proposal-title" className="videohelp-dialog-title" data-speech="alert">
        {t('videoHelp:proposal.title')}
      </h2>
      <p id="videohelp-proposal-words" className="videohelp-dialog-body" data-speech="alert">
        {words}
      </p>
      <p className="videohelp-dialog-hint">{t('videoHelp:proposal.hint')}</p>
      <div className="videohelp-actions">
        <button
          type="button"
          ref={accept}
          className={elder ? 'button button--primary videohelp-big' : 'button button--primary'}
          data-testid="videohelp-proposal-accept"
          onClick={() => session.answerProposal(true)}
        >
          {t('videoHelp:proposal.accept')}
        </button>
        <button
          type="button"
          className={elder ? 'button videohelp-big' : 'button'}
          data-testid="videohelp-proposal-decline"
          onClick={() => session.answerProposal(false)}
        >
          {t('videoHelp:proposal.decline')}
        </button>
      </div>
    </div>
  );
}

/** The agent asks to see the 高拍仪: nothing is opened before the resident's 同意. */
export function DocumentRequest({ session }: { session: CallSession }) {
  const { t } = useT();
  const elder = useElder();
  const accept = useFocusFirst<HTMLButtonElement>('document');
  return (
    <div
      className="videohelp-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="videohelp-document-title"
      data-testid="videohelp-document-request"
    >
      <h2 id="videohelp-document-title" className="videohelp-dialog-title" data-speech="alert">
        {t('videoHelp:document.title')}
      </h2>
      <p className="videohelp-dialog-body" data-speech="alert">
        {t('videoHelp:document.body')}
      </p>
      <div className="videohelp-actions">
        <button
          type="button"
          ref={accept}
          className={elder ? 'button button--primary videohelp-big' : 'button button--primary'}
          data-testid="videohelp-document-accept"
          onClick={() => void session.answerDocumentCamera(true)}
        >
          {t('videoHelp:document.accept')}
        </button>
        <button
          type="button"
          className={elder ? 'button videohelp-big' : 'button'}
          data-testid="videohelp-document-decline"
          onClick={() => void session.answerDocumentCamera(false)}
        >
          {t('videoHelp:document.decline')}
        </button>
      </div>
    </div>
  );
}
