import { useState } from 'react';
import { isPhoneNumber, PhonePad } from '../components/keypad/PhonePad';
import { useT } from '../i18n/use-t';

/** A phone number on the kiosk's number pad, for an agent to call back (as the help form's callback). */
export function CallbackForm({ sending, onSend }: { sending: boolean; onSend: (phone: string) => void }) {
  const { t } = useT();
  const [phone, setPhone] = useState('');
  return (
    <div className="videohelp-callback">
      <PhonePad
        label={t('videoHelp:waiting.callbackLabel')}
        value={phone}
        onChange={setPhone}
        testId="videohelp-callback-phone"
      />
      <button
        type="button"
        className="button button--primary"
        data-testid="videohelp-callback-send"
        disabled={sending || !isPhoneNumber(phone)}
        onClick={() => onSend(phone)}
      >
        {sending ? t('videoHelp:waiting.callbackSending') : t('videoHelp:waiting.callbackSend')}
      </button>
    </div>
  );
}
