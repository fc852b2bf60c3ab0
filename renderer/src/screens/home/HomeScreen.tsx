import { memo } from 'react';
import { useT } from '../../i18n/use-t';
import { ServiceKind } from '../../../../platform/contract/catalog';
import type { CatalogOverview } from '../../../../core/api/contract';
import { useCatalogOverview } from '../../api/catalog-overview-context';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { ScrollPager } from '../../components/ScrollPager';
import { useShellSend } from '../../shell/shell-context';
import { MatterListPanel } from '../browse/MatterListPanel';
import { Loading } from '../../states/Loading';
import { QueryFailure } from '../../states/QueryFailure';
import { KindTile } from './KindTile';
import { ServiceTiles } from './ServiceTiles';
import { ElderStartButton } from '../../chrome/ElderStartButton';
import { useElder } from '../../components/ChoicePages';
import { ThemeTile } from './ThemeTile';
import './home.css';

/**
 * Two ways in, each a handful of big tiles: by Boshan's four service kinds (plus everything), or
 * by theme; a tile opens that group's list on a screen of its own. Below the tiles, every matter
 * of the station, for those who would rather look through them all; the screen scrolls as one
 * page, with page buttons. Every kind is shown, even
 * with no matters, so the four are always where they were; themes without matters are left out,
 * because an empty theme is a dead end. Stays mounted under a guide opened from here (`covered`),
 * so "back" returns to the same place in the list.
 */
export function HomeScreen({ covered }: { covered: boolean }) {
  const { station } = useKioskInfo();
  const { overview, retry } = useCatalogOverview();

  if (overview.status === 'loading') return <Loading />;
  if (overview.status === 'error')
    return <QueryFailure error={overview.error} hotline={station.hotline} onRetry={retry} />;

  return (
    <section
      className="screen home"
      data-testid="home-screen"
      data-covered={covered || undefined}
      inert={covered}
      aria-labelledby="home-title"
    >
      <HomeContent overview={overview.value} />
    </section>
  );
}

/**
 * Everything on the home screen but its cover: memoised, so opening a guide over it (which only
 * covers it) does not draw the tiles and the whole list again under the guide being opened.
 */
const HomeContent = memo(function HomeContent({ overview }: { overview: CatalogOverview }) {
  const { t } = useT();
  const send = useShellSend();
  const elder = useElder();
  const { matterCount, serviceKinds, themes } = overview;
  const countOf = (kind: ServiceKind) => serviceKinds.find((entry) => entry.kind === kind)?.count ?? 0;

  return (
    <ScrollPager className="home-scroll">
      <header className="screen-heading">
        <h1 id="home-title" className="screen-title" data-speech="title">
          {t('home:title')}
        </h1>
        <p className="screen-subtitle" data-speech="hint">
          {t('home:subtitle')}
        </p>
        <ElderStartButton />
      </header>
      <ServiceTiles />
      {/* 长辈版 offers the services only, four at a time: the kinds, themes and the full list
          are reached through 搜索事项 and 自助申报, one step further but never more than six choices. */}
      {!elder && (
        <>
          <div className="home-groups">
            <section className="home-kinds" aria-labelledby="home-kinds-title">
              <h2 id="home-kinds-title" className="group-title">
                {t('home:byKind')}
              </h2>
              <ul className="kind-list">
                <li>
                  <KindTile
                    kind="all"
                    label={t('home:all')}
                    hint={t('home:allHint')}
                    count={matterCount}
                    onChoose={() => send({ type: 'CHOOSE_GROUP', group: { type: 'all' } })}
                  />
                </li>
                {ServiceKind.options.map((kind) => (
                  <li key={kind}>
                    <KindTile
                      kind={kind}
                      label={t(`enums:serviceKind.${kind}`)}
                      hint={t(`enums:serviceKindHint.${kind}`)}
                      count={countOf(kind)}
                      onChoose={() => send({ type: 'CHOOSE_GROUP', group: { type: 'serviceKind', serviceKind: kind } })}
                    />
                  </li>
                ))}
              </ul>
            </section>
            <section className="home-themes" aria-labelledby="home-themes-title">
              <h2 id="home-themes-title" className="group-title">
                {t('home:byTheme')}
              </h2>
              <ul className="theme-grid">
                {themes
                  .filter((theme) => theme.count > 0)
                  .map((theme) => (
                    <li key={theme.id}>
                      <ThemeTile
                        themeId={theme.id}
                        name={theme.name}
                        count={theme.count}
                        onChoose={() => send({ type: 'CHOOSE_GROUP', group: { type: 'theme', themeId: theme.id } })}
                      />
                    </li>
                  ))}
              </ul>
            </section>
          </div>
          <section className="home-all">
            <MatterListPanel group={{ type: 'all' }} placement="home" />
          </section>
        </>
      )}
    </ScrollPager>
  );
});
