import { useCallback, useState, type ReactNode } from 'react';
import { useCatalogStatus } from '../../api/catalog-status-context';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useApiQuery } from '../../api/use-api-query';
import { ChoicePages, useElder } from '../../components/ChoicePages';
import { ScrollPager } from '../../components/ScrollPager';
import { useT } from '../../i18n/use-t';
import { useShellSend, useVisit } from '../../shell/shell-context';
import type { MatterGroup } from '../../shell/shell-machine';
import { Loading } from '../../states/Loading';
import { QueryFailure } from '../../states/QueryFailure';
import { GroupTitle } from './GroupTitle';
import { DepartmentFilter } from './DepartmentFilter';
import { HandlingFilter } from './HandlingFilter';
import { MatterCard } from './MatterCard';
import { groupQuery } from './group-query';
import './browse.css';

/**
 * One group's matters under its title, narrowed by handling mode; a card opens the guide. With a
 * screen to itself (browse) the list scrolls in its own area with page buttons; on home it runs
 * on inside the home screen's own scrolling page.
 */
export function MatterListPanel({ group, placement }: { group: MatterGroup; placement: 'screen' | 'home' }) {
  const { t } = useT();
  const send = useShellSend();
  const { handling } = useVisit();
  const { station } = useKioskInfo();
  const { refresh } = useCatalogStatus();
  const elder = useElder();
  const [attempt, setAttempt] = useState(0);
  const openMatter = useCallback((code: string) => send({ type: 'OPEN_MATTER', code }), [send]);
  // Kept here, not in the shell: the browse screen stays mounted under an open guide, so "back"
  // finds the department still chosen; a new visit starts a new screen.
  const [departmentCode, setDepartmentCode] = useState<string | null>(null);
  const list = useApiQuery('catalog.list', groupQuery(group, handling, departmentCode), `${refresh}#${attempt}`);

  let body: ReactNode;
  if (list.status === 'loading') body = <Loading />;
  else if (list.status === 'error') {
    body = <QueryFailure error={list.error} hotline={station.hotline} onRetry={() => setAttempt((n) => n + 1)} />;
  } else if (list.value.matters.length === 0) {
    body = (
      <div className="state-panel state-panel--quiet" data-testid="list-empty">
        <p className="state-body">{t('browse:empty')}</p>
        {handling && (
          <button type="button" className="button" onClick={() => send({ type: 'SET_HANDLING', handling: null })}>
            {t('browse:showAllHandlings')}
          </button>
        )}
        {departmentCode && (
          <button type="button" className="button" onClick={() => setDepartmentCode(null)}>
            {t('browse:allDepartments')}
          </button>
        )}
      </div>
    );
  } else if (elder && placement === 'screen') {
    // 长辈版: a page of matters and the page buttons, nothing to scroll and nothing else to choose.
    body = (
      <ChoicePages
        className="matter-list"
        testId="matter-list"
        listLabel={t('browse:listLabel')}
        items={list.value.matters}
        keyOf={(matter) => matter.code}
        // Three cards (without their badges) fit a portrait screen with the page buttons.
        maxPerPage={3}
        render={(matter) => <MatterCard matter={matter} withBadges={false} onOpen={openMatter} />}
      />
    );
  } else {
    const items = (
      <ul className="matter-list" data-testid="matter-list" aria-label={t('browse:listLabel')}>
        {list.value.matters.map((matter) => (
          <li key={matter.code}>
            <MatterCard matter={matter} onOpen={openMatter} />
          </li>
        ))}
      </ul>
    );
    body =
      placement === 'screen' ? (
        <ScrollPager className="matter-list-scroll" label={t('browse:listLabel')}>
          {items}
        </ScrollPager>
      ) : (
        items
      );
  }

  return (
    <div className={`matter-panel matter-panel--${placement}`}>
      <header className="matter-panel-side">
        <div className="matter-panel-heading">
          <GroupTitle group={group} level={placement === 'screen' ? 1 : 2} />
          {list.status === 'ok' && <p className="screen-subtitle">{t('browse:total', { count: list.value.total })}</p>}
          {placement === 'screen' && (
            <p className="screen-subtitle" data-speech="hint">
              {t('browse:hint')}
            </p>
          )}
        </div>
        {/* 长辈版 leaves the filters out (at most six choices a screen): the list is paged instead,
            and 搜索事项 finds a matter by name. */}
        {!elder && (
          <HandlingFilter value={handling} onChange={(next) => send({ type: 'SET_HANDLING', handling: next })} />
        )}
        {!elder && placement === 'screen' && <DepartmentFilter value={departmentCode} onChange={setDepartmentCode} />}
      </header>
      <div className="matter-panel-main">{body}</div>
    </div>
  );
}
