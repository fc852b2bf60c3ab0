/**
 * One row of big toggle chips that narrows the list by one property, with 全部 first (null).
 * `name` tags the group and each chip (`data-testid="<name>-filter"`, `data-<name>="<value>"`).
 */
export function ChipFilter<T extends string>({
  name,
  title,
  options,
  value,
  onChange,
}: {
  name: 'handling' | 'department';
  title: string;
  options: ReadonlyArray<{ value: T | null; label: string }>;
  value: T | null;
  onChange: (next: T | null) => void;
}) {
  const titleId = `${name}-filter-title`;
  return (
    <div
      className={name === 'handling' ? 'handling-filter' : `handling-filter ${name}-filter`}
      role="group"
      aria-labelledby={titleId}
      data-testid={`${name}-filter`}
    >
      <p id={titleId} className="handling-filter-title">
        {title}
      </p>
      <div className="handling-filter-options">
        {options.map((option) => (
          <button
            key={option.value ?? 'all'}
            type="button"
            className="chip"
            aria-pressed={option.value === value}
            {...{ [`data-${name}`]: option.value ?? 'all' }}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}
