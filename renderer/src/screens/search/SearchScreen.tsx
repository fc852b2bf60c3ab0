import { useState, type ReactNode } from 'react';
import { useCatalogStatus } from '../../api/catalog-status-context';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useApiQuery } from '../../api/use-api-query';
import { ChannelList } from '../../components/ChannelList';
import { ScrollPager } from '../../components/ScrollPager';
import { useT } from '../../i18n/use-t';
import { Loading } from '../../states/Loading';
import { QueryFailure } from '../../states/QueryFailure';
import { Channel } from '../../../../platform/contract/catalog';
import { HighlightedName } from './HighlightedName';
import '../browse/browse.css';
import './search.css';

/** Enough results for a screenful or two; more means the resident should type a little more. */
const RESULT_LIMIT = 50;
const MAX_LENGTH = 40;

/**
 * Find a matter by typing: characters (社保), full pinyin (shebao) or initials (sb), with a row of
 * common words for those who would rather tap. The system keyboard / IME types for now.
 */
export function SearchScreen({ onOpenMatter }: { onOpenMatter: (code: string) => void; onExit: () => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const query = text.trim();
  const quickPicks = t('search:quickPicks').split(' ').filter(Boolean);

  return (
    <section className="screen search" data-testid="search-screen" aria-labelledby="search-title">
      <h1 id="search-title" className="screen-title">
        {t('search:title')}
      </h1>
      <div className="search-box">
        <label className="search-label" htmlFor="search-input">
          {t('search:inputLabel')}
        </label>
        <div className="search-input-row">
          <input
            id="search-input"
            className="search-input"
            data-testid="search-input"
            type="search"
            inputMode="search"
            autoComplete="off"
            autoFocus
            maxLength={MAX_LENGTH}
            placeholder={t('search:inputPlaceholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          {text && (
            <button type="button" className="button" data-testid="search-clear" onClick={() => setText('')}>
              {t('search:clear')}
            </button>
          )}
        </div>
        <div className="search-quick" role="group" aria-label={t('search:quickPicksLabel')}>
          {quickPicks.map((word) => (
            <button
              key={word}
              type="button"
              className="chip"
              data-testid="quick-pick"
              aria-pressed={query === word}
              onClick={() => setText(word)}
            >
              {word}
            </button>
          ))}
        </div>
      </div>
      {query ? (
        <SearchResults text={query} onOpenMatter={onOpenMatter} />
      ) : (
        <p className="search-prompt">{t('search:prompt')}</p>
      )}
    </section>
  );
}

/** The hit's channels this renderer knows how to name (the search answer carries them as strings). */
function knownChannels(channels: readonly string[]): Channel[] {
  return channels.filter((channel): channel is Channel => Channel.safeParse(channel).success);
}

function SearchResults({ text, onOpenMatter }: { text: string; onOpenMatter: (code: string) => void }) {
  const { t } = useT();
  const { station } = useKioskInfo();
  const { refresh } = useCatalogStatus();
  const [attempt, setAttempt] = useState(0);
  const result = useApiQuery('catalog.search', { text, limit: RESULT_LIMIT }, `${refresh}#${attempt}`);

  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') {
    return <QueryFailure error={result.error} hotline={station.hotline} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  const { hits, total } = result.value;
  if (hits.length === 0) {
    return (
      <div className="state-panel state-panel--quiet" data-testid="search-empty">
        <p className="state-body">{t('search:empty', { text })}</p>
      </div>
    );
  }
  let more: ReactNode = null;
  if (total > hits.length) more = <p className="search-more">{t('search:moreHidden', { count: hits.length })}</p>;
  return (
    <div className="search-results">
      <p className="screen-subtitle" data-testid="search-total">
        {t('search:total', { count: total })}
      </p>
      <ScrollPager className="search-results-scroll" label={t('search:resultsLabel')}>
        <ul className="matter-list" data-testid="search-results" aria-label={t('search:resultsLabel')}>
          {hits.map((hit) => (
            <li key={hit.code}>
              <button
                type="button"
                className="matter-card"
                data-testid="search-hit"
                data-code={hit.code}
                data-matched-by={hit.matchedBy}
                onClick={() => onOpenMatter(hit.code)}
              >
                <HighlightedName name={hit.name} highlights={hit.highlights} />
                <span className="matter-card-foot">
                  <ChannelList channels={knownChannels(hit.channels)} />
                  <span className="search-matched-by">{t(`search:matchedBy.${hit.matchedBy}`)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
        {more}
      </ScrollPager>
    </div>
  );
}
