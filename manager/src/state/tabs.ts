import type { Role } from '../../../contract/domain.js';

export type Tab = 'live' | 'stats' | 'report' | 'plan' | 'bookings' | 'settings';

/** The tabs a role sees: settings only for admins. */
export function tabsFor(role: Role): Tab[] {
  return role === 'admin'
    ? ['live', 'stats', 'report', 'plan', 'bookings', 'settings']
    : ['live', 'stats', 'report', 'plan', 'bookings'];
}

/** The tab named in the address (`#stats`), if the role may see it; else the live monitor. */
export function tabFromHash(hash: string, role: Role): Tab {
  const wanted = hash.replace(/^#/, '');
  return (tabsFor(role) as string[]).includes(wanted) ? (wanted as Tab) : 'live';
}

/** The tab reached with an arrow, Home or End key from `current` (wrapping around). */
export function tabByKey(tabs: Tab[], current: Tab, key: string): Tab | null {
  const i = tabs.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return tabs[(i + 1) % tabs.length]!;
    case 'ArrowLeft':
      return tabs[(i - 1 + tabs.length) % tabs.length]!;
    case 'Home':
      return tabs[0]!;
    case 'End':
      return tabs[tabs.length - 1]!;
    default:
      return null;
  }
}

/** Managers and admins use this page; a clerk is shown the way to the counter screen. */
export function mayUseManagerPage(role: Role): boolean {
  return role === 'manager' || role === 'admin';
}
