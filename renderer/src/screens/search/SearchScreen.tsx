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

export interface SearchScreenProps {
  readonly onOpenMatter: (code: string) => void;
  /** Browse one theme's matters: offered when a search finds nothing. */
  readonly onOpenTheme: (themeId: string) => void;
  /** 帮办代办 with no matter attached: offered when a search finds nothing. */
  readonly onAskForHelp: () => void;
  readonly onExit: () => void;
}

/**
 * Find a matter by typing: characters (社保), what villagers call it (低保), full pinyin (shebao)
 * or initials (sb, typed letters being a candidate of the keyboard), with a row of common words
 * for those who would rather tap, on the kiosk's own touch keyboard. Each result says why it
 * matched; a search that finds nothing offers the themes and 帮办 instead of a dead end.
 */
export function SearchScreen({ onOpenMatter, onOpenTheme, onAskForHelp }: SearchScreenProps) {
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
            offerLetters
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
        <SearchResults text={query} onOpenMatter={onOpenMatter} onOpenTheme={onOpenTheme} onAskForHelp={onAskForHelp} />
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

function SearchResults({
  text,
  onOpenMatter,
  onOpenTheme,
  onAskForHelp,
}: { text: string } & Pick<SearchScreenProps, 'onOpenMatter' | 'onOpenTheme' | 'onAskForHelp'>) {
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
    return <NothingFound text={text} onOpenTheme={onOpenTheme} onAskForHelp={onAskForHelp} />;
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

/**
 * Why a result is there, in a few words: 拼音 for the name by pinyin, 又称“农保” for an alias, and
 * how an alias or other text matched when it was not by its characters (又称“低保”（同音字）).
 */
function whyItMatched(t: ReturnType<typeof useT>['t'], hit: SearchHitView): string {
  const method = t(`search:matchedBy.${hit.matchedBy}`);
  if (hit.matchedIn === 'name' || hit.matchedText === null) return method;
  const where = t(`search:matchedIn.${hit.matchedIn}`, { text: hit.matchedText });
  return hit.matchedBy === 'characters' ? where : `${where}${t('search:viaMethod', { method })}`;
}

/**
 * Nothing matched: say so, and offer the themes (browsing finds what the words did not) and a
 * member of staff, so the resident is never left at a dead end.
 */
function NothingFound({
  text,
  onOpenTheme,
  onAskForHelp,
}: { text: string } & Pick<SearchScreenProps, 'onOpenTheme' | 'onAskForHelp'>) {
  const { t } = useT();
  const { refresh } = useCatalogStatus();
  const overview = useApiQuery('catalog.overview', {}, refresh);
  const themes = overview.status === 'ok' ? overview.value.themes.filter((theme) => theme.count > 0) : [];
  return (
    <div className="state-panel state-panel--quiet search-empty" data-testid="search-empty">
      <p className="state-body">{t('search:empty', { text })}</p>
      <button type="button" className="button button--primary" data-testid="search-empty-help" onClick={onAskForHelp}>
        {t('search:askForHelp')}
      </button>
      {themes.length > 0 && (
        <>
          <h2 className="search-empty-title">{t('search:emptyThemesLabel')}</h2>
          <ChoicePages
            className="search-empty-themes"
            testId="search-empty-themes"
            listLabel={t('search:emptyThemesLabel')}
            items={themes}
            keyOf={(theme) => theme.id}
            // The help button and the keyboard (when open) share the screen with the themes.
            otherChoices={2}
            render={(theme) => (
              <button
                type="button"
                className="chip"
                data-testid="search-empty-theme"
                data-theme={theme.id}
                onClick={() => onOpenTheme(theme.id)}
              >
                {theme.name}
              </button>
            )}
          />
        </>
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
        <span className="search-matched-by" data-testid="search-why" data-matched-in={hit.matchedIn}>
          {whyItMatched(t, hit)}
        </span>
      </span>
    </button>
  );
}
