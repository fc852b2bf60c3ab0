import { useWords } from '../../app/console-context';
import { Section, Time } from '../../app/ui';
import { fieldView, MASK } from '../../view/agent-fields';
import type { CallView } from '../../view/agent-state';

/**
 * The resident's screen as state: which screen, step and matter, and the form's fields. Masked
 * values show as ●●● with 已遮蔽 (view/agent-fields.ts); there is no way to ask for them.
 */
export function CoBrowsePanel({ call }: { call: CallView }) {
  const { t } = useWords();
  const screen = call.screen;
  return (
    <Section title={t('agent:screen.title')} id="agent-screen">
      {screen === null ? (
        <p className="muted" data-testid="agent-screen-waiting">
          {t('agent:screen.waiting')}
        </p>
      ) : (
        <>
          <dl className="facts" data-testid="agent-screen-facts">
            <dt>{t('agent:screen.screen')}</dt>
            <dd data-testid="agent-screen-title">{screen.title || screen.screen}</dd>
            <dt>{t('agent:screen.step')}</dt>
            <dd data-testid="agent-screen-step">{screen.step?.label ?? t('agent:screen.noStep')}</dd>
            <dt>{t('agent:screen.matter')}</dt>
            <dd data-testid="agent-screen-matter">{screen.matter?.matterName ?? t('agent:noMatter')}</dd>
            <dt>{t('agent:screen.updated')}</dt>
            <dd>
              <Time iso={screen.at} />
            </dd>
          </dl>
          {screen.elderMode && <p className="tag">{t('agent:screen.elderHint')}</p>}
          {!call.consent.personalValues && <p className="muted">{t('agent:screen.personalMasked')}</p>}
          {screen.fields.length === 0 ? (
            <p className="muted">{t('agent:screen.noFields')}</p>
          ) : (
            <table className="screen-fields" data-testid="agent-screen-fields">
              <thead>
                <tr>
                  <th scope="col">{t('agent:screen.field')}</th>
                  <th scope="col">{t('agent:screen.value')}</th>
                </tr>
              </thead>
              <tbody>
                {screen.fields.map((field) => {
                  const view = fieldView(field, call.consent);
                  return (
                    <tr key={field.id} data-testid="agent-screen-field" data-field-id={field.id} data-view={view.kind}>
                      <th scope="row">{field.label}</th>
                      <td>
                        {view.kind === 'value' && view.text}
                        {view.kind === 'empty' && <span className="muted">{t('agent:screen.empty')}</span>}
                        {view.kind === 'masked' && (
                          <>
                            <span aria-hidden="true">{MASK}</span>{' '}
                            <span className="tag masked" data-testid="agent-masked">
                              {t('agent:screen.masked')}
                            </span>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </Section>
  );
}
