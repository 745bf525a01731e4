import { describe, expect, it } from 'vitest';
import { START, type KioskFlow } from '../../../kiosk/src/state/kiosk-flow.js';
import {
  canIssue,
  kioskScreen,
  type KioskConnection,
} from '../../../kiosk/src/state/kiosk-screen.js';

const confirmation: KioskFlow = { ...START, view: 'confirmation' };

describe('kiosk screen', () => {
  it.each<[KioskConnection, KioskFlow, string]>([
    ['checking', START, 'connecting'],
    ['unpaired', START, 'unpaired'],
    ['unpaired', confirmation, 'unpaired'],
    ['online', START, 'start'],
    ['offline', START, 'start'],
    ['offline', confirmation, 'confirmation'],
    ['online', { ...START, view: 'priority' }, 'priority'],
  ])('when the kiosk is %s on %o, then the screen is %s', (connection, flow, screen) => {
    expect(kioskScreen(connection, flow)).toBe(screen);
  });

  it.each<[KioskConnection, boolean, boolean]>([
    ['online', false, true],
    ['online', true, false],
    ['offline', false, false],
    ['checking', false, false],
    ['unpaired', false, false],
  ])(
    'when the kiosk is %s and a request in flight is %s, then it can issue: %s',
    (c, issuing, ok) => {
      expect(canIssue(c, { ...START, issuing })).toBe(ok);
    },
  );
});
