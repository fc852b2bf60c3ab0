import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import type { GuideSectionId } from './guide-sections';

export function sectionElementId(id: GuideSectionId): string {
  return `guide-section-${id}`;
}

/** One titled section; its heading takes focus when the section index jumps here. */
export function GuideSection({ id, children }: { id: GuideSectionId; children: ReactNode }) {
  const { t } = useT();
  return (
    <section
      className="guide-section"
      data-testid="guide-section"
      data-section={id}
      aria-labelledby={`${sectionElementId(id)}-title`}
    >
      <h2 className="guide-section-title" id={`${sectionElementId(id)}-title`} tabIndex={-1}>
        {t(`guide:sections.${id}`)}
      </h2>
      {children}
    </section>
  );
}
