import { useCatalogOverview } from '../../api/catalog-overview-context';
import { useT } from '../../i18n/use-t';

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
  const options = [
    { value: null, label: t('browse:allDepartments') },
    ...departments.map((department) => ({ value: department.code, label: department.name })),
  ];
  return (
    <div
      className="handling-filter department-filter"
      role="group"
      aria-labelledby="department-filter-title"
      data-testid="department-filter"
    >
      <p id="department-filter-title" className="handling-filter-title">
        {t('browse:departmentFilter')}
      </p>
      <div className="handling-filter-options">
        {options.map((option) => (
          <button
            key={option.value ?? 'all'}
            type="button"
            className="chip"
            aria-pressed={option.value === value}
            data-department={option.value ?? 'all'}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}
