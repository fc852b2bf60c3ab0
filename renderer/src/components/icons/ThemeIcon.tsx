import type { ReactNode } from 'react';
import { Icon } from './Icon';

/** One drawing per seed theme (platform/seed/themes.ts); an unknown theme gets the grid. */
const drawings: Readonly<Record<string, ReactNode>> = {
  socialInsurance: (
    <>
      <path d="M24 5 40 11v12c0 10-7 17-16 20C15 40 8 33 8 23V11Z" />
      <path d="m17 24 5 5 9-10" />
    </>
  ),
  medicalInsurance: (
    <>
      <rect x="7" y="7" width="34" height="34" rx="8" />
      <path d="M24 15v18M15 24h18" />
    </>
  ),
  socialAssistance: <path d="M24 40C10 30 6 23 6 16a9 9 0 0 1 18-3 9 9 0 0 1 18 3c0 7-4 14-18 24Z" />,
  elderly: (
    <>
      <circle cx="20" cy="9" r="4" />
      <path d="m19 15-2 12-5 13m5-13 7 13m-5-23 9 6m2-2v21" />
    </>
  ),
  disability: (
    <>
      <circle cx="21" cy="8" r="4" />
      <path d="M21 14v12h12l4 10" />
      <path d="M15 21a11 11 0 1 0 14 15" />
    </>
  ),
  familyPlanning: (
    <>
      <circle cx="17" cy="11" r="5" />
      <circle cx="33" cy="20" r="4" />
      <path d="M8 40v-8a9 9 0 0 1 18 0v8m1 0v-5a6 6 0 0 1 12 0v5" />
    </>
  ),
  agriculture: (
    <>
      <path d="M24 42V18" />
      <path d="M24 28c-8 0-12-6-12-12 8 0 12 5 12 12Zm0-6c8 0 12-6 12-12-8 0-12 5-12 12Z" />
    </>
  ),
  housing: (
    <>
      <path d="M6 22 24 8l18 14" />
      <path d="M11 19v21h26V19" />
      <path d="M20 40V29h8v11" />
    </>
  ),
  legal: (
    <>
      <path d="M24 8v32m-10 0h20M10 14h28" />
      <path d="m10 14-5 12a5 5 0 0 0 10 0Zm28 0-5 12a5 5 0 0 0 10 0Z" />
    </>
  ),
  party: <path d="m24 6 5.3 11 12 1.6-8.8 8.3 2.2 12L24 33l-10.7 5.9 2.2-12-8.8-8.3 12-1.6Z" />,
  military: (
    <>
      <circle cx="24" cy="31" r="10" />
      <path d="M17 23 12 6h8l4 12 4-12h8l-5 17" />
    </>
  ),
  employment: (
    <>
      <rect x="6" y="15" width="36" height="24" rx="4" />
      <path d="M18 15v-5h12v5M6 25h36" />
    </>
  ),
  volunteering: (
    <>
      <circle cx="16" cy="14" r="5" />
      <circle cx="32" cy="14" r="5" />
      <path d="M6 38v-5a10 10 0 0 1 20 0m-4 5v-5a10 10 0 0 1 20 0v5" />
    </>
  ),
  livelihood: (
    <>
      <path d="M17 31a12 12 0 1 1 14 0v5H17Z" />
      <path d="M19 41h10" />
    </>
  ),
  petitions: (
    <>
      <path d="M8 10h32v22H22l-8 7v-7H8Z" />
      <path d="M15 19h18m-18 6h12" />
    </>
  ),
};

const fallback = (
  <>
    <rect x="8" y="8" width="13" height="13" rx="3" />
    <rect x="27" y="8" width="13" height="13" rx="3" />
    <rect x="8" y="27" width="13" height="13" rx="3" />
    <rect x="27" y="27" width="13" height="13" rx="3" />
  </>
);

export function ThemeIcon({ themeId, size }: { themeId: string; size?: number }) {
  return <Icon size={size}>{drawings[themeId] ?? fallback}</Icon>;
}
