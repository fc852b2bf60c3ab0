import type { ReactNode } from 'react';

/**
 * Our own line icons: drawn in a 48-unit box with round strokes in the text colour, so they
 * follow every colour theme. Decorative: the text next to them says what they mean.
 */
export function Icon({ children, size = 48, className }: { children: ReactNode; size?: number; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth={3}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}
