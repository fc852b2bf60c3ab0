// PLACEHOLDER: replaced by the sign-in owner. Keeps the shell compiling meanwhile.
import type { ResidentSessionState } from '../../../../core/api/resident';

export interface SignInProps {
  /** What the resident is signing in for; changes the title and the spoken prompt. */
  readonly purpose: 'apply' | 'appointment' | 'checkIn' | 'progress';
  /** Offer "为他人办理" (sign in as 经办人 first, then the applicant). */
  readonly allowAgent: boolean;
  /** Called once the applicant (and agent, if any) are signed in. */
  readonly onSignedIn: (state: ResidentSessionState) => void;
  readonly onCancel: () => void;
}

export function SignIn(_props: SignInProps): null {
  return null;
}
