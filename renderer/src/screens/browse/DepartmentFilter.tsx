import { useCatalogOverview } from '../../api/catalog-overview-context';
import { useT } from '../../i18n/use-t';
import { ChipFilter } from './ChipFilter';

/**
 * The departments (主管部门) that have matters in this catalog, as toggle buttons with 全部部门
 * first. Hidden until the overview has answered: the list works without it.
 */
export function DepartmentFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (next: string | null) => void;
}) {
  const { t } = useT();
  const { overview } = useCatalogOverview();
  if (overview.status !== 'ok') return null;
  const departments = overview.value.departments.filter((department) => department.count > 0);
  if (departments.length < 2) return null;
  return (
    <ChipFilter
      name="department"
      title={t('browse:departmentFilter')}
      options={[
        { value: null, label: t('browse:allDepartments') },
        ...departments.map((department) => ({ value: department.code, label: department.name })),
      ]}
      value={value}
      onChange={onChange}
    />
  );
}
