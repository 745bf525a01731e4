import { describe, expect, it } from 'vitest';
import {
  mayUseManagerPage,
  tabByKey,
  tabFromHash,
  tabsFor,
} from '../../../manager/src/state/tabs.js';

describe('tabs', () => {
  it('when the user is an admin, then settings is a tab; for a manager it is not', () => {
    expect(tabsFor('admin')).toEqual(['live', 'stats', 'report', 'plan', 'bookings', 'settings']);
    expect(tabsFor('manager')).toEqual(['live', 'stats', 'report', 'plan', 'bookings']);
  });

  it('when the address says #plan, then managers and admins get the staffing plan', () => {
    expect(tabFromHash('#plan', 'manager')).toBe('plan');
    expect(tabFromHash('#plan', 'admin')).toBe('plan');
  });

  it('when the address says #report, then managers and admins get the printable report', () => {
    expect(tabFromHash('#report', 'manager')).toBe('report');
    expect(tabFromHash('#report', 'admin')).toBe('report');
  });

  it('when the address names a tab the role may see, then it opens; otherwise the live monitor', () => {
    expect(tabFromHash('#stats', 'manager')).toBe('stats');
    expect(tabFromHash('#settings', 'manager')).toBe('live');
    expect(tabFromHash('#settings', 'admin')).toBe('settings');
    expect(tabFromHash('', 'admin')).toBe('live');
  });

  it('when arrow, Home and End keys are pressed on the tabs, then the focus moves and wraps', () => {
    const tabs = tabsFor('admin');
    expect(tabByKey(tabs, 'settings', 'ArrowRight')).toBe('live');
    expect(tabByKey(tabs, 'live', 'ArrowLeft')).toBe('settings');
    expect(tabByKey(tabs, 'stats', 'Home')).toBe('live');
    expect(tabByKey(tabs, 'live', 'End')).toBe('settings');
    expect(tabByKey(tabs, 'live', 'Enter')).toBeNull();
  });

  it('when a clerk signs in, then the page is not for them', () => {
    expect(mayUseManagerPage('clerk')).toBe(false);
    expect(mayUseManagerPage('manager')).toBe(true);
    expect(mayUseManagerPage('admin')).toBe(true);
  });
});
