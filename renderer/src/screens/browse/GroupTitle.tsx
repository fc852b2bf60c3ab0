import { useT } from '../../i18n/use-t';
import { useCatalogOverview } from '../../api/catalog-overview-context';
import { KindIcon } from '../../components/icons/KindIcon';
import { ThemeIcon } from '../../components/icons/ThemeIcon';
import type { MatterGroup } from '../../shell/shell-machine';

/** The list's title: the kind's label from our locale files, or the theme's name from the catalog. */
export function GroupTitle({ group, level }: { group: MatterGroup; level: 1 | 2 }) {
  const { t } = useT();
  const { overview } = useCatalogOverview();
  const Heading = level === 1 ? 'h1' : 'h2';
  const className = level === 1 ? 'screen-title group-heading' : 'group-title group-heading';
  // The screen's own title is what voice mode reads first; on home it is only a section heading.
  const speech = level === 1 ? 'title' : undefined;
  switch (group.type) {
    case 'all':
      return (
        <Heading className={className} data-speech={speech}>
          <KindIcon kind="all" />
          {t('home:all')}
        </Heading>
      );
    case 'serviceKind':
      return (
        <Heading className={className} data-speech={speech}>
          <KindIcon kind={group.serviceKind} />
          {t(`enums:serviceKind.${group.serviceKind}`)}
        </Heading>
      );
    case 'theme': {
      const theme =
        overview.status === 'ok' ? overview.value.themes.find((entry) => entry.id === group.themeId) : undefined;
      return (
        <Heading className={className} data-speech={speech}>
          <ThemeIcon themeId={group.themeId} />
          {theme?.name ?? ''}
        </Heading>
      );
    }
  }
}
