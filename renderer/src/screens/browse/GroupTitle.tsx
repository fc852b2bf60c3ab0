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
  switch (group.type) {
    case 'all':
      return (
        <Heading className={className}>
          <KindIcon kind="all" />
          {t('home:all')}
        </Heading>
      );
    case 'serviceKind':
      return (
        <Heading className={className}>
          <KindIcon kind={group.serviceKind} />
          {t(`enums:serviceKind.${group.serviceKind}`)}
        </Heading>
      );
    case 'theme': {
      const theme =
        overview.status === 'ok' ? overview.value.themes.find((entry) => entry.id === group.themeId) : undefined;
      return (
        <Heading className={className}>
          <ThemeIcon themeId={group.themeId} />
          {theme?.name ?? ''}
        </Heading>
      );
    }
  }
}
