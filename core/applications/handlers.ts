import type { KioskContract } from '../api/contract';
import type { ApplicationDraft } from '../api/applications';
import { err, ok } from '../pure/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { getMatter } from '../catalog/catalog-store';
import { cardOf, isVerified, type SignedIn } from '../session/resident-session-types';
import { rememberedValues } from './history';
import { formOfMatter, mergeForms, MINIMAL_FORM } from './matter-form';
import { applicableMatters } from './matters';
import { prefillFields } from './prefill';
import { createLicenceScans, type LicenceScans } from '../scan/licence-scans';
import { createSubmitter } from './submit';

type ApplicationMethods =
  | 'application.start'
  | 'application.consentToHistory'
  | 'application.historyPrefill'
  | 'application.submit'
  | 'application.reprintReceipt';

/** How long submit waits for the platform's 办件编号 before the receipt says 已保存在本机. */
export const DELIVERY_WAIT_MS = 3_000;

/** Self-service application (自助申报): the form, history with consent, submit, reprint. */
export function buildApplicationHandlers(
  deps: ServiceDeps,
  options: { deliveryWaitMs?: number; licenceScans?: LicenceScans } = {},
): Pick<Handlers<KioskContract>, ApplicationMethods> {
  const submitter = createSubmitter(deps, {
    deliveryWaitMs: options.deliveryWaitMs ?? DELIVERY_WAIT_MS,
    // Without the scanner's holding place (tests of other parts) no 亮证码 is ever held.
    licenceScans: options.licenceScans ?? createLicenceScans(),
  });

  return {
    'application.start': ({ matterCodes, lifeEventId }) => {
      const applicant = deps.session.applicant();
      if (!applicant) return err({ code: 'notSignedIn', message: 'sign in as the applicant first' });
      const applicable = applicableMatters(deps.db, deps.catalogSync, matterCodes);
      if (!applicable.ok) return err(applicable.error);
      const { matters, form, materials, catalogVersion } = applicable.value;
      // Only a verified applicant learns that they applied here before: for a typed number that
      // would tell a neighbour something about the number's owner.
      const remembered = isVerified(applicant) ? rememberedValues(deps.db, deps.sealer, applicant, form) : null;
      const region = deps.info.station.region;
      const draft: ApplicationDraft = {
        matters: matters.map((m) => ({
          matterCode: m.code,
          matterVersion: m.version,
          matterName: m.name,
          promisedWorkingDays: m.promisedWorkingDays,
        })),
        lifeEventId,
        catalogVersion,
        fields: prefillFields(form, applicant),
        materials: [...materials],
        delivery: {
          pickUp: {
            servicePointId: deps.info.station.id,
            name: deps.info.station.name,
            address: deps.info.station.address,
          },
          mail: true,
          mailDefaults: {
            regionCode: region.code,
            province: region.province,
            city: region.city,
            county: region.county,
          },
          cardAddress: cardAddressOf(applicant),
        },
        // Names only: the values themselves need the resident's consent (application.historyPrefill).
        history: remembered
          ? { lastSubmittedAt: remembered.submittedAt, fieldNames: Object.keys(remembered.values) }
          : null,
      };
      return ok(draft);
    },
    'application.consentToHistory': () => {
      // The access guard let only a card-signed-in applicant through; the session binds the
      // consent to that applicant, so it ends when they sign out or the visit ends.
      deps.session.consentToHistory();
      return ok({});
    },
    'application.historyPrefill': ({ matterCodes }) => {
      const applicant = deps.session.applicant();
      if (!applicant || !deps.session.historyConsented()) {
        return err({
          code: 'consentRequired',
          message: 'the applicant has not agreed on screen to reuse their values',
        });
      }
      const forms = matterCodes.flatMap((code) => {
        const matter = getMatter(deps.db, code);
        return matter ? [formOfMatter(matter)] : [];
      });
      const remembered = rememberedValues(
        deps.db,
        deps.sealer,
        applicant,
        forms.length > 0 ? mergeForms(forms) : MINIMAL_FORM,
      );
      if (!remembered) return err({ code: 'noHistory', message: 'no earlier submission of this person to reuse' });
      return ok({ values: remembered.values });
    },
    'application.submit': (input) => submitter.submit(input),
    'application.reprintReceipt': ({ localRef }) => submitter.reprint(localRef),
  };
}

/** The address printed on the applicant's card, when the card was read (a typed sign-in has none). */
function cardAddressOf(applicant: SignedIn): string | null {
  const card = cardOf(applicant);
  return card && 'address' in card && card.address.trim() !== '' ? card.address.trim() : null;
}
