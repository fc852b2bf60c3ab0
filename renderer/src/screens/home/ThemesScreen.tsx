import { useCatalogOverview } from '../../api/catalog-overview-context';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { ChoicePages } from '../../components/ChoicePages';
import { useT } from '../../i18n/use-t';
import { Loading } from '../../states/Loading';
import { QueryFailure } from '../../states/QueryFailure';
import { ThemeTile } from './ThemeTile';
import './home.css';

/**
 * The themes as a screen of their own (长辈版's 办事主题 on home): big tiles in two columns, paged
 * so the screen offers at most six choices; a theme opens its matters. Themes without matters
 * are left out, as on home: an empty theme is a dead end.
 */
export function ThemesScreen({ onOpenTheme }: { onOpenTheme: (themeId: string) => void }) {
  const { t } = useT();
  const { station } = useKioskInfo();
  const { overview, retry } = useCatalogOverview();
  let body;
  if (overview.status === 'loading') body = <Loading />;
  else if (overview.status === 'error')
    body = <QueryFailure error={overview.error} hotline={station.hotline} onRetry={retry} />;
  else
    body = (
      <ChoicePages
        className="theme-grid theme-grid--screen"
        testId="themes-list"
        items={overview.value.themes.filter((theme) => theme.count > 0)}
        keyOf={(theme) => theme.id}
        render={(theme) => (
          <ThemeTile themeId={theme.id} name={theme.name} count={theme.count} onChoose={() => onOpenTheme(theme.id)} />
        )}
      />
    );
  return (
    <section className="screen themes" data-testid="themes-screen" aria-labelledby="themes-title">
      <header className="screen-heading">
        <h1 id="themes-title" className="screen-title" data-speech="title">
          {t('home:themes.title')}
        </h1>
        <p className="screen-subtitle" data-speech="hint">
          {t('home:themes.hint')}
        </p>
      </header>
      {body}
    </section>
  );
}
