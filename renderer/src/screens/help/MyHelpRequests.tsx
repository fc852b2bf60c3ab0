import { useState } from 'react';
import type { MyHelpRequest } from '../../../../core/api/help-follow-up';
import { useApiQuery } from '../../api/use-api-query';
import { useElder } from '../../components/ChoicePages';
import { UiIcon } from '../../components/icons/UiIcon';
import { useT } from '../../i18n/use-t';

/**
 * 我的求助进度: the signed-in resident's help requests, where each is and who handles it, with
 * the last contact's outcome. Only a resident signed in with the ID card gets any (core answers
 * notSignedIn otherwise). 长辈版 shows one request per screen, in large type, read aloud.
 */
export function MyHelpRequests({ onBack }: { onBack: () => void }) {
  const { t } = useT();
  const elder = useElder();
  const mine = useApiQuery('assistance.mine', {}, 'help-mine');
  const [page, setPage] = useState(0);

  let body;
  if (mine.status === 'loading') {
    body = <p className="state-body">{t('help:mine.loading')}</p>;
  } else if (mine.status === 'error') {
    const key = mine.error.code === 'notSignedIn' ? 'help:mine.signInFirst' : 'help:mine.failed';
    body = (
      <p className="state-body" role="alert" data-testid="help-mine-problem" data-speech="hint">
        {t(key)}
      </p>
    );
  } else {
    const { requests, pendingHere, platform } = mine.value;
    const rows = [
      ...pendingHere.map((pending) => (
        <li key={pending.localRef} className="help-mine-item" data-testid="help-mine-pending">
          <strong data-speech="hint">{t('help:mine.pending', { kind: t(`help:kind.${pending.kind}.label`) })}</strong>
          <span>{pending.localRef}</span>
        </li>
      )),
      ...requests.map((request) => <RequestItem key={request.requestId} request={request} />),
    ];
    if (rows.length === 0) {
      body = (
        <p className="state-body" data-testid="help-mine-none" data-speech="hint">
          {t(platform === 'reachable' ? 'help:mine.none' : 'help:mine.unreachable')}
        </p>
      );
    } else if (elder) {
      const current = Math.min(page, rows.length - 1);
      body = (
        <div className="help-mine help-mine--elder" data-testid="help-mine-elder">
          <p className="help-mine-count">{t('help:mine.pageOf', { page: current + 1, count: rows.length })}</p>
          <ul className="help-mine-list">{rows[current]}</ul>
          <div className="state-actions">
            {current > 0 && (
              <button
                type="button"
                className="button"
                data-testid="help-mine-previous"
                onClick={() => setPage(current - 1)}
              >
                {t('help:steps.back')}
              </button>
            )}
            {current < rows.length - 1 && (
              <button
                type="button"
                className="button button--primary"
                data-testid="help-mine-next"
                onClick={() => setPage(current + 1)}
              >
                {t('help:steps.next')}
              </button>
            )}
          </div>
        </div>
      );
    } else {
      body = (
        <div className="help-mine">
          {platform === 'unreachable' && <p className="notice">{t('help:mine.unreachable')}</p>}
          <ul className="help-mine-list">{rows}</ul>
        </div>
      );
    }
  }

  return (
    <div className="help-mine-panel" data-testid="help-mine">
      <h2 className="section-title" data-speech="title">
        {t('help:mine.title')}
      </h2>
      {body}
      <div className="state-actions">
        <button type="button" className="button" data-testid="help-mine-back" onClick={onBack}>
          <UiIcon name="back" size={28} />
          {t('help:mine.back')}
        </button>
      </div>
    </div>
  );
}

function RequestItem({ request }: { request: MyHelpRequest }) {
  const { t } = useT();
  const kind = t(`help:kind.${request.kind}.label`);
  return (
    <li className="help-mine-item" data-testid="help-mine-request" data-status={request.status}>
      <strong data-speech="hint">
        {t('help:mine.state', { kind, status: t(`help:mine.status.${request.status}`) })}
      </strong>
      {request.matterName && <span>{request.matterName}</span>}
      <span data-testid="help-mine-handler" data-speech="hint">
        {request.handlerName ? t('help:mine.handler', { name: request.handlerName }) : t('help:mine.noHandler')}
      </span>
      {request.lastContact && (
        <span data-testid="help-mine-contact">
          {t('help:mine.lastContact', { outcome: t(`help:mine.outcome.${request.lastContact.outcome}`) })}
        </span>
      )}
      <span className="help-mine-ref">{request.requestId}</span>
    </li>
  );
}
