import type { KioskFlow } from './kiosk-flow.js';

/** `checking`: before the first answer; `offline`: paired, but the server cannot be reached. */
export type KioskConnection = 'checking' | 'unpaired' | 'online' | 'offline';

export type KioskScreen =
  'connecting' | 'unpaired' | 'start' | 'priority' | 'services' | 'confirmation';

/** Which screen the kiosk shows. An issued ticket stays on screen even if the link drops. */
export function kioskScreen(connection: KioskConnection, flow: KioskFlow): KioskScreen {
  if (connection === 'unpaired') return 'unpaired';
  if (connection === 'checking') return 'connecting';
  return flow.view;
}

/** Service buttons accept taps only when the server is reachable and no request is in flight. */
export function canIssue(connection: KioskConnection, flow: KioskFlow): boolean {
  return connection === 'online' && !flow.issuing;
}
