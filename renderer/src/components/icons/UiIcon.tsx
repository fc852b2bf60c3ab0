import type { ReactNode } from 'react';
import { Icon } from './Icon';

export type UiIconName =
  'back' | 'forward' | 'home' | 'phone' | 'info' | 'warning' | 'check' | 'up' | 'down' | 'clock' | 'place';

const drawings: Readonly<Record<UiIconName, ReactNode>> = {
  back: <path d="M30 10 16 24l14 14" />,
  forward: <path d="m18 10 14 14-14 14" />,
  home: (
    <>
      <path d="M6 22 24 8l18 14" />
      <path d="M11 19v21h26V19" />
    </>
  ),
  phone: <path d="M14 6h-4a4 4 0 0 0-4 4c0 18 14 32 32 32a4 4 0 0 0 4-4v-4l-9-4-4 4c-5-2-9-6-11-11l4-4-4-9Z" />,
  info: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M24 22v11m0-18h0" />
    </>
  ),
  warning: (
    <>
      <path d="M24 6 43 40H5Z" />
      <path d="M24 19v9m0 6h0" />
    </>
  ),
  check: <path d="m10 25 9 9 19-20" />,
  up: <path d="m12 30 12-12 12 12" />,
  down: <path d="m12 18 12 12 12-12" />,
  clock: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M24 13v11l7 5" />
    </>
  ),
  place: (
    <>
      <path d="M24 43s14-13 14-24a14 14 0 0 0-28 0c0 11 14 24 14 24Z" />
      <circle cx="24" cy="19" r="5" />
    </>
  ),
};

export function UiIcon({ name, size = 32 }: { name: UiIconName; size?: number }) {
  return <Icon size={size}>{drawings[name]}</Icon>;
}
