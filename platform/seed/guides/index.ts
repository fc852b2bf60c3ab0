import { legalAid } from './seq-035-legal-aid';
import { legalConsultation } from './seq-052-legal-consultation';
import { longevityAllowance } from './seq-014-longevity-allowance';
import { medicalInsuranceContribution } from './seq-010-medical-insurance-contribution';
import { medicalInsuranceEnrolment } from './seq-009-medical-insurance-enrolment';
import { militaryServiceRegistration } from './seq-042-military-service-registration';
import { minimumLivingAllowance } from './seq-018-minimum-living-allowance';
import { pensionContribution } from './seq-001-pension-contribution';
import { pensionEnrolment } from './seq-002-pension-enrolment';
import { pensionFuneralGrant } from './seq-004-pension-funeral-grant';
import { employmentInformation } from './seq-049-employment-information';
import { seniorPreferentialCard } from './seq-013-senior-preferential-card';
import { severeDisabilityCareSubsidy } from './seq-024-severe-disability-care-subsidy';
import { temporaryAssistance } from './seq-020-temporary-assistance';
import type { SeedGuide } from './seed-guide';

export type { SeedGuide } from './seed-guide';

/** The sample guides we publish, in list order. Matters without one get `guide: null`. */
export const SEED_GUIDES: readonly SeedGuide[] = [
  pensionContribution,
  pensionEnrolment,
  pensionFuneralGrant,
  medicalInsuranceEnrolment,
  medicalInsuranceContribution,
  seniorPreferentialCard,
  longevityAllowance,
  minimumLivingAllowance,
  temporaryAssistance,
  severeDisabilityCareSubsidy,
  legalAid,
  militaryServiceRegistration,
  employmentInformation,
  legalConsultation,
];
