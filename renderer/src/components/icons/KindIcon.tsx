import type { ReactNode } from 'react';
import type { ServiceKind } from '../../../../platform/contract/catalog';
import { Icon } from './Icon';

const drawings: Readonly<Record<ServiceKind | 'all', ReactNode>> = {
  all: (
    <>
      <path d="M17 12h23M17 24h23M17 36h23" />
      <path d="M8 12h1m-1 12h1m-1 12h1" />
    </>
  ),
  approvalAgency: (
    <>
      <path d="M19 6h10v9l5 9H14l5-9Z" />
      <path d="M8 29h32v7H8Zm4 13h24" />
    </>
  ),
  directQuery: (
    <>
      <circle cx="21" cy="21" r="12" />
      <path d="m30 30 10 10" />
    </>
  ),
  consultation: (
    <>
      <path d="M6 9h36v24H24l-9 8v-8H6Z" />
      <path d="M20 17a4 4 0 1 1 5 4v3m0 4h0" />
    </>
  ),
  assistedAcceptance: (
    <>
      <path d="M6 28h10l3 6h10l3-6h10v13H6Z" />
      <path d="M24 6v17m-7-7 7 7 7-7" />
    </>
  ),
};

export function KindIcon({ kind, size }: { kind: ServiceKind | 'all'; size?: number }) {
  return <Icon size={size}>{drawings[kind]}</Icon>;
}
