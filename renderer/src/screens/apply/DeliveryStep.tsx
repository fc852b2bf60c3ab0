import type { ApplicationDraft } from '../../../../core/api/applications';
import { TextEntry } from '../../components/keypad/TextEntry';
import { useT } from '../../i18n/use-t';
import type { ApplyContext } from './apply-context';
import { deliveryProblems, mailingDetailFromCard, type DeliveryDraft } from './delivery-draft';

/** 到服务站领取, or 邮寄 (when the matter allows it) with recipient, phone and address pre-filled. */
export function DeliveryStep({
  context,
  draft,
  onChange,
  onNext,
  onBack,
}: {
  context: ApplyContext;
  draft: ApplicationDraft;
  onChange: (delivery: Partial<DeliveryDraft>) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const { t } = useT();
  const { delivery } = context;
  const problems = context.showDeliveryErrors ? new Set(deliveryProblems(delivery)) : new Set<string>();
  const { pickUp, mailDefaults, cardAddress } = draft.delivery;
  // Offered, not filled in: the resident may want the result sent where they live now.
  const cardDetail = cardAddress === null ? null : mailingDetailFromCard(cardAddress, mailDefaults);
  const problem = (key: 'recipient' | 'phone' | 'detail' | 'postcode') =>
    problems.has(key) ? t(`apply:delivery.problem.${key}`) : null;
  return (
    <div className="apply-step" data-testid="apply-delivery">
      <h2 className="apply-question" data-speech="title">
        {t('apply:delivery.question')}
      </h2>
      <p className="apply-hint" data-speech="hint">
        {t('apply:delivery.hint')}
      </p>
      <div className="apply-choice-options" role="radiogroup">
        <button
          type="button"
          role="radio"
          aria-checked={delivery.method === 'pickUp'}
          className={delivery.method === 'pickUp' ? 'button button--primary' : 'button'}
          data-testid="delivery-pickUp"
          onClick={() => onChange({ method: 'pickUp' })}
        >
          {t('apply:delivery.pickUp')}
        </button>
        {draft.delivery.mail && (
          <button
            type="button"
            role="radio"
            aria-checked={delivery.method === 'mail'}
            className={delivery.method === 'mail' ? 'button button--primary' : 'button'}
            data-testid="delivery-mail"
            onClick={() => onChange({ method: 'mail' })}
          >
            {t('apply:delivery.mail')}
          </button>
        )}
      </div>
      {delivery.method === 'pickUp' ? (
        <p className="apply-pickup">
          <strong>{pickUp.name}</strong> {pickUp.address}
        </p>
      ) : (
        <div className="apply-fields">
          <TextEntry
            label={t('apply:delivery.recipient')}
            value={delivery.recipient}
            onChange={(recipient) => onChange({ recipient })}
            maxLength={64}
            error={problem('recipient')}
            testId="delivery-recipient"
          />
          <TextEntry
            label={t('apply:delivery.phone')}
            kind="phone"
            value={delivery.phone}
            onChange={(phone) => onChange({ phone })}
            maxLength={20}
            error={problem('phone')}
            testId="delivery-phone"
          />
          <p className="apply-region">
            <span className="text-entry-label">{t('apply:delivery.region')}</span>{' '}
            {`${mailDefaults.province}${mailDefaults.city}${mailDefaults.county}`}
          </p>
          {cardDetail !== null && cardDetail !== delivery.detail.trim() && (
            <button
              type="button"
              className="button value-offer"
              data-testid="delivery-card-address"
              onClick={() => onChange({ detail: cardDetail })}
            >
              {t('keypad:offer.cardAddress', { address: cardDetail })}
            </button>
          )}
          <TextEntry
            label={t('apply:delivery.detail')}
            kind="multiline"
            value={delivery.detail}
            onChange={(detail) => onChange({ detail })}
            maxLength={200}
            error={problem('detail')}
            testId="delivery-detail"
          />
          <TextEntry
            label={t('apply:delivery.postcode')}
            kind="number"
            value={delivery.postcode}
            onChange={(postcode) => onChange({ postcode })}
            maxLength={6}
            error={problem('postcode')}
            testId="delivery-postcode"
          />
        </div>
      )}
      <div className="apply-actions apply-actions--nav">
        <button type="button" className="button" onClick={onBack}>
          {t('apply:back')}
        </button>
        <button type="button" className="button button--primary" data-testid="apply-next" onClick={onNext}>
          {t('apply:next')}
        </button>
      </div>
    </div>
  );
}
