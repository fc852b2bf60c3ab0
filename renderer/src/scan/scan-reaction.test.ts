import { describe, expect, it } from 'vitest';
import type { ScannedCode } from '../../../core/api/scanner';
import type { JourneyKind } from '../shell/journeys';
import type { ShellScreen } from '../shell/shell-machine';
import { scanReaction } from './scan-reaction';

const receipt: ScannedCode = { kind: 'receipt', reference: 'AQ-20261121-0001' };
const slip: ScannedCode = { kind: 'appointment', appointmentId: 'AP-20261121-0007' };
const ticket = (status: Extract<ScannedCode, { kind: 'ticket' }>['status']): ScannedCode => ({
  kind: 'ticket',
  status,
  ticketNo: 'A012',
  service: status === 'rateable' || status === 'alreadyRated' ? { kind: 'ticket', ref: 'TK-20261121-0012' } : null,
});
const other: ScannedCode = { kind: 'other', scanId: '0b8f1d5e-4c1a-4f7e-9a55-2d7c1e3b9a10' };

const at = (screen: ShellScreen, journey: JourneyKind | null = null) => ({ screen, journey });

describe('what a scan does where the resident is', () => {
  it.each([at('attract'), at('home'), at('browse'), at('guide'), at('journey', 'search'), at('journey', 'progress')])(
    'opens what the code is for from %o',
    (where) => {
      expect(scanReaction(receipt, where)).toEqual({
        kind: 'open',
        journey: { kind: 'progress', reference: 'AQ-20261121-0001' },
      });
      expect(scanReaction(slip, where)).toEqual({
        kind: 'open',
        journey: { kind: 'checkIn', appointmentId: 'AP-20261121-0007' },
      });
      expect(scanReaction(ticket('rateable'), where)).toEqual({
        kind: 'open',
        journey: { kind: 'rating', serviceRef: 'TK-20261121-0012' },
      });
    },
  );

  it('a ticket that cannot be rated says why and opens nothing', () => {
    expect(scanReaction(ticket('alreadyRated'), at('home'))).toEqual({ kind: 'notice', notice: 'ticketRated' });
    expect(scanReaction(ticket('otherDay'), at('home'))).toEqual({ kind: 'notice', notice: 'ticketOtherDay' });
    expect(scanReaction(ticket('notFromThisKiosk'), at('home'))).toEqual({ kind: 'notice', notice: 'ticketNotHere' });
  });

  it('a code that is none of ours is a plain message wherever it is read', () => {
    for (const where of [at('home'), at('attract'), at('journey', 'apply'), at('journey', 'rating')]) {
      expect(scanReaction(other, where)).toEqual({ kind: 'notice', notice: 'notOurs' });
    }
  });

  it('does not replace a journey the resident is filling in: nothing they typed is lost', () => {
    for (const journey of ['apply', 'appointment', 'help'] as const) {
      for (const code of [receipt, slip, ticket('rateable')]) {
        expect(scanReaction(code, at('journey', journey))).toEqual({ kind: 'notice', notice: 'finishFirst' });
      }
    }
    // A finished look-up or a rating screen may give way to the code just scanned.
    expect(scanReaction(receipt, at('journey', 'rating'))).toMatchObject({ kind: 'open' });
    expect(scanReaction(ticket('rateable'), at('journey', 'checkIn'))).toMatchObject({ kind: 'open' });
  });

  it('does nothing on the farewell or in technician mode', () => {
    for (const screen of ['farewell', 'technicianPin', 'technician'] as const) {
      for (const code of [receipt, slip, ticket('rateable'), other]) {
        expect(scanReaction(code, at(screen))).toEqual({ kind: 'ignore' });
      }
    }
  });
});
