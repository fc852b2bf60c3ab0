import { useT } from '../../i18n/use-t';
import { Handling } from '../../../../platform/contract/catalog';
import { ChipFilter } from './ChipFilter';

/** Anqiu's three handling modes as one row of big toggle buttons, with 全部 first. */
export function HandlingFilter({
  value,
  onChange,
}: {
  value: Handling | null;
  onChange: (next: Handling | null) => void;
}) {
  const { t } = useT();
  return (
    <ChipFilter
      name="handling"
      title={t('browse:handlingFilter')}
      options={[
        { value: null, label: t('browse:allHandlings') },
        ...Handling.options.map((handling) => ({ value: handling, label: t(`enums:handling.${handling}`) })),
      ]}
      value={value}
      onChange={onChange}
    />
  );
}
