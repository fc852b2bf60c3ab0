import { z } from 'zod';
import { Agent, IdType } from '../../platform/contract/common';
import { MaskedCard } from './devices';

/**
 * The resident session as the renderer may see it: who signed in (applicant, and the 经办人 acting
 * for them), never a whole ID number. The full identity stays in core (core/session) and is
 * forgotten at session end unless a submitted record holds it.
 */

export const SignInRole = z.enum(['applicant', 'agent']);
export type SignInRole = z.infer<typeof SignInRole>;

export const AgentRelation = Agent.shape.relation;
export type AgentRelation = z.infer<typeof AgentRelation>;

export const SignedInPerson = z.object({
  role: SignInRole,
  source: z.enum(['card', 'typed']).describe('read from the ID card, or typed on the keypad when the reader failed'),
  verified: z
    .boolean()
    .describe('the kiosk verified who this is (the card): only then may their stored records be opened'),
  idType: IdType,
  /** The full name: shown to the person who just signed in, never printed or logged. */
  name: z.string().min(1).max(64),
  /** 3701********9973 */
  idNumberMasked: z.string(),
  cardType: MaskedCard.shape.cardType.nullable().describe('null when typed'),
});
export type SignedInPerson = z.infer<typeof SignedInPerson>;

export const ResidentSessionState = z.object({
  applicant: SignedInPerson.nullable(),
  agent: SignedInPerson.extend({ relation: AgentRelation }).nullable(),
});
export type ResidentSessionState = z.infer<typeof ResidentSessionState>;

/** Resident ID numbers typed on the keypad: 17 digits and a check character (GB 11643). */
export const TypedIdNumber = z.string().regex(/^[0-9]{17}[0-9X]$/, '17 digits and a check digit or X');

/**
 * Where a receipt, ticket or slip went. `screen` when the printer cannot print now: the renderer
 * shows it on screen and `problem` says why (for the resident, plain words chosen by the renderer
 * from the code).
 */
export const PrintResult = z.object({
  output: z.enum(['paper', 'screen']),
  problem: z
    .enum(['printerUnavailable', 'paperOut', 'printFailed'])
    .nullable()
    .describe('why it went to the screen; null when printed'),
});
export type PrintResult = z.infer<typeof PrintResult>;

/**
 * Whether the platform already has it, or it is saved on this kiosk and will be sent by itself
 * ("已保存在本机，网络恢复后自动上报").
 */
export const DeliveryStatus = z.enum(['delivered', 'savedOffline']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/**
 * A service this session completed, which may be rated once (一次一评). `ref` is the 办件编号, or
 * for an application saved offline its local reference; the ticket id, appointment id or help
 * request reference for the others.
 */
export const ServiceKindRated = z.enum(['application', 'ticket', 'appointment', 'progressQuery', 'assistance']);
export type ServiceKindRated = z.infer<typeof ServiceKindRated>;

export const CompletedService = z.object({
  kind: ServiceKindRated,
  ref: z.string().regex(/^[0-9A-Za-z-]{6,64}$/),
  /** What the resident did, as shown on the rating screen, e.g. 城乡居民养老保险参保登记 or 取号 A012. */
  title: z.string().min(1).max(128),
  matterCode: z.string().max(64).nullable(),
  completedAt: z.iso.datetime({ offset: true }),
  rated: z.boolean(),
});
export type CompletedService = z.infer<typeof CompletedService>;

/** Every call that changes something on the resident's behalf carries a UUID made when they pressed confirm. */
export const ConfirmationId = z.uuid();
