import { useId, useState, type ButtonHTMLAttributes } from 'react';
import { useVoice } from '../voice/voice-context';
import './explained-button.css';

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'>;

/**
 * A button that cannot act yet and says why when touched. A `disabled` button swallows the tap:
 * the resident presses, nothing happens, and they do not know what is missing. This one stays
 * touchable but marked `aria-disabled` (it looks disabled: styles/components.css), and a tap
 * shows `blockedBy` right under it and says it in voice mode ("请先输入手机号码"). With
 * `blockedBy` null it is an ordinary button. Busy states (sending, printing) still use
 * `disabled`: there is nothing the resident can do about them but wait.
 */
export function ExplainedButton({
  blockedBy,
  onClick,
  className,
  children,
  ...rest
}: ButtonProps & { readonly blockedBy: string | null }) {
  const voice = useVoice();
  const id = useId();
  // The reason shown is the one that was tapped: once it no longer holds, it goes away by itself.
  const [explained, setExplained] = useState<string | null>(null);
  const showing = blockedBy !== null && explained === blockedBy;
  return (
    <>
      <button
        {...rest}
        type="button"
        className={className}
        aria-disabled={blockedBy !== null || undefined}
        aria-describedby={showing ? `${id}-why` : rest['aria-describedby']}
        onClick={(event) => {
          if (blockedBy === null) {
            onClick?.(event);
            return;
          }
          setExplained(blockedBy);
          voice.speak(blockedBy);
        }}
      >
        {children}
      </button>
      {showing && (
        <p className="blocked-reason" id={`${id}-why`} role="status" data-testid="blocked-reason">
          {blockedBy}
        </p>
      )}
    </>
  );
}
