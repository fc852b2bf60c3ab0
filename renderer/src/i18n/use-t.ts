import { useTranslation } from 'react-i18next';
import { namespaces } from './resources';

/**
 * `useTranslation` with every namespace, so any screen can say `t('guide:sections.faq')` and
 * the key is checked against the base locale at compile time. Unprefixed keys are in `common`.
 */
export function useT() {
  return useTranslation(namespaces);
}
