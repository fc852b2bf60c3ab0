import { useState, type ReactNode } from 'react';
import { useCatalogStatus } from '../../api/catalog-status-context';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useApiQuery } from '../../api/use-api-query';
import { ChannelList } from '../../components/ChannelList';
import { ChoicePages, useElder } from '../../components/ChoicePages';
import { TextEntry } from '../../components/keypad/TextEntry';
import { ScrollPager } from '../../components/ScrollPager';
import type { SearchResult } from '../../../../core/api/find';
import { useT } from '../../i18n/use-t';
import { Loading } from '../../states/Loading';
import { QueryFailure } from '../../states/QueryFailure';
import { Channel } from '../../../../platform/contract/catalog';
import { HighlightedName } from './HighlightedName';
import '../browse/browse.css';
import './search.css';

type SearchHitView = SearchResult['hits'][number];

/** Enough results for a screenful or two; more means the resident should type a little more. */
const RESULT_LIMIT = 50;
const MAX_LENGTH = 40;
/** 长辈版: the touch keyboard and four words are five choices, within the six a screen offers. */
const ELDER_QUICK_PICKS = 4;

/**
 * Find a matter by typing: characters (社保), full pinyin (shebao) or initials (sb), with a row of
 * common words for those who would rather tap, on the kiosk's own touch keyboard.
 */
export function SearchScreen({ onOpenMatter }: { onOpenMatter: (code: string) => void; onExit: () => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const query = text.trim();
  const quickPicks = t('search:quickPicks').split(' ').filter(Boolean);
  const elder = useElder();

  return (
    <section className="screen search" data-testid="search-screen" aria-labelledby="search-title">
      <h1 id="search-title" className="screen-title" data-speech="title">
        {t('search:title')}
      </h1>
      <p className="screen-subtitle" data-speech="hint">
        {t('search:hint')}
      </p>
      <div className="search-box">
        <div className="search-input-row">
          {/* The touch keyboard (pinyin, or letters for initials such as sb) opens under the field. */}
          <TextEntry
            label={t('search:inputLabel')}
            note={t('search:inputPlaceholder')}
            testId="search-input"
            maxLength={MAX_LENGTH}
            value={text}
            onChange={setText}
          />
          {/* 长辈版 counts choices: the keyboard has its own 清空 key. */}
          {text && !elder && (
            <button type="button" className="button" data-testid="search-clear" onClick={() => setText('')}>
              {t('search:clear')}
            </button>
          )}
        </div>
        {/* 长辈版 keeps four common words while nothing is typed (a tap is easier than pinyin) and
            drops them once there is a query: with the keyboard and a page of results, that would
            be more than six choices. Another word is typed after 清空 on the keyboard. */}
        {(!elder || query === '') && (
          <div className="search-quick" role="group" aria-label={t('search:quickPicksLabel')}>
            {(elder ? quickPicks.slice(0, ELDER_QUICK_PICKS) : quickPicks).map((word) => (
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
        )}
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
  const elder = useElder();
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
      {elder ? (
        <ChoicePages
          className="matter-list"
          testId="search-results"
          listLabel={t('search:resultsLabel')}
          items={hits}
          keyOf={(hit) => hit.code}
          // The keyboard (when open) shares the screen with the results.
          otherChoices={1}
          maxPerPage={3}
          render={(hit) => <SearchHit hit={hit} onOpenMatter={onOpenMatter} />}
        />
      ) : (
        <ScrollPager className="search-results-scroll" label={t('search:resultsLabel')}>
          <ul className="matter-list" data-testid="search-results" aria-label={t('search:resultsLabel')}>
            {hits.map((hit) => (
              <li key={hit.code}>
                <SearchHit hit={hit} onOpenMatter={onOpenMatter} />
              </li>
            ))}
          </ul>
          {more}
        </ScrollPager>
      )}
    </div>
  );
}

function SearchHit({ hit, onOpenMatter }: { hit: SearchHitView; onOpenMatter: (code: string) => void }) {
  const { t } = useT();
  return (
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
  );
}
