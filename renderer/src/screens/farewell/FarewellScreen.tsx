import { UiIcon } from '../../components/icons/UiIcon';
import { useT } from '../../i18n/use-t';
import { useShellSend } from '../../shell/shell-context';
import './farewell.css';

/**
 * The end of a visit the resident chose (完成, 结束办理): what to take with them, in their own
 * language and profile, then the attract screen. Nothing of the visit is on it: core has already
 * forgotten who was here.
 */
export function FarewellScreen() {
  const { t } = useT();
  const send = useShellSend();
  return (
    <section className="screen farewell" data-testid="farewell-screen">
      <header className="screen-heading">
        <h1 className="screen-title" data-speech="title">
          {t('farewell.title')}
        </h1>
      </header>
      <div className="farewell-body">
        <UiIcon name="check" size={96} />
        <p className="farewell-reminder" data-speech="hint">
          {t('farewell.reminder')}
        </p>
        <button
          type="button"
          className="button button--primary"
          data-testid="farewell-ok"
          onClick={() => send({ type: 'FAREWELL_DONE' })}
        >
          {t('farewell.ok')}
        </button>
      </div>
    </section>
  );
}
