import { maskPhone } from '../../format/mask-phone';
import { useT } from '../../i18n/use-t';
import { useVisitMemory } from '../../shell/visit-memory';

/**
 * 使用刚才填写的 139****5678: the phone number given earlier in this visit, offered as a choice.
 * Never filled in unasked: the resident may want another number this time. Hidden when there is
 * none, or when the field already holds it.
 */
export function GivenPhoneOffer({
  value,
  onUse,
  testId,
}: {
  value: string;
  onUse: (phone: string) => void;
  testId?: string;
}) {
  const { t } = useT();
  const { givenPhone } = useVisitMemory();
  if (givenPhone === null || givenPhone === value) return null;
  return (
    <button type="button" className="button value-offer" data-testid={testId} onClick={() => onUse(givenPhone)}>
      {t('keypad:offer.givenPhone', { phone: maskPhone(givenPhone) })}
    </button>
  );
}
