import { useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import type { MatterDetail } from '../../../../core/api/contract';
import type { Guide } from '../../../../platform/contract/catalog';
import { useElder } from '../../components/ChoicePages';
import { ScrollPager } from '../../components/ScrollPager';
import { GuideSection, sectionElementId } from './GuideSection';
import { GUIDE_SECTIONS, type GuideSectionId } from './guide-sections';
import { SampleNotice } from './SampleNotice';
import { SectionNav } from './SectionNav';
import { BasicInfoSection, ConditionsSection, PlacesSection, SummarySection } from './sections/OverviewSections';
import { MaterialsSection } from './sections/MaterialsSection';
import { ProcessSection, SpecialStepsSection } from './sections/StepsSections';
import {
  ContactSection,
  FaqSection,
  FeesSection,
  LegalBasisSection,
  PromiseSection,
  VisitsSection,
} from './sections/TermsSections';

function renderSection(id: GuideSectionId, guide: Guide, matter: MatterDetail): ReactNode {
  switch (id) {
    case 'summary':
      return <SummarySection guide={guide} />;
    case 'basicInfo':
      return <BasicInfoSection guide={guide} matter={matter} />;
    case 'placesAndHours':
      return <PlacesSection guide={guide} />;
    case 'conditions':
      return <ConditionsSection guide={guide} />;
    case 'materials':
      return <MaterialsSection guide={guide} />;
    case 'specialSteps':
      return <SpecialStepsSection guide={guide} />;
    case 'process':
      return <ProcessSection guide={guide} />;
    case 'fees':
      return <FeesSection guide={guide} />;
    case 'legalBasis':
      return <LegalBasisSection guide={guide} />;
    case 'faq':
      return <FaqSection guide={guide} />;
    case 'promise':
      return <PromiseSection guide={guide} />;
    case 'visitsNeeded':
      return <VisitsSection guide={guide} />;
    case 'contact':
      return <ContactSection guide={guide} />;
  }
}

/** The section index beside (landscape) or above (portrait) every section of the guide. */
export function GuideBody({ guide, matter }: { guide: Guide; matter: MatterDetail }) {
  const { t } = useT();
  const contentRef = useRef<HTMLDivElement>(null);
  const elder = useElder();

  const jump = (id: GuideSectionId) => {
    const area = contentRef.current;
    const heading = area?.querySelector<HTMLElement>(`#${sectionElementId(id)}-title`);
    const section = heading?.closest('section');
    if (!area || !heading || !section) return;
    // Scroll only the guide's own area: scrollIntoView would also scroll the kiosk frame itself.
    area.scrollTop += section.getBoundingClientRect().top - area.getBoundingClientRect().top;
    // Focus follows, so keyboards and screen readers continue from the section jumped to.
    heading.focus({ preventScroll: true });
  };

  return (
    <div className="guide-body">
      {/* 长辈版 reads the guide from the top with the page buttons: thirteen index buttons beside
          the four actions would be far more than six choices. */}
      {!elder && <SectionNav onJump={jump} />}
      <ScrollPager className="guide-content" areaRef={contentRef} label={t('guide:title')}>
        <div className="guide-sections">
          {guide.isSample && <SampleNotice />}
          {GUIDE_SECTIONS.map((id) => (
            <GuideSection key={id} id={id}>
              {renderSection(id, guide, matter)}
            </GuideSection>
          ))}
        </div>
      </ScrollPager>
    </div>
  );
}
