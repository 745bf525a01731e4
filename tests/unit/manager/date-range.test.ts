import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysIn,
  isDay,
  isoWeekday,
  localDay,
  matchingPick,
  quickRange,
  rangeProblem,
  type QuickPick,
} from '../../../manager/src/state/date-range.js';

describe('localDay', () => {
  it('when it is 23:30 UTC, then in Istanbul it is already the next day', () => {
    expect(localDay(Date.UTC(2026, 10, 30, 23, 30), 'Europe/Istanbul')).toBe('2026-12-01');
    expect(localDay(Date.UTC(2026, 10, 30, 20, 59), 'Europe/Istanbul')).toBe('2026-11-30');
  });
});

describe('quickRange', () => {
  // Wednesday 2026-03-04.
  const today = '2026-03-04';
  it.each<[QuickPick, string, string]>([
    ['today', '2026-03-04', '2026-03-04'],
    ['yesterday', '2026-03-03', '2026-03-03'],
    ['this-week', '2026-03-02', '2026-03-04'],
    ['this-month', '2026-03-01', '2026-03-04'],
    ['last-month', '2026-02-01', '2026-02-28'],
  ])('when the pick is %s, then the range is %s to %s', (pick, from, to) => {
    expect(quickRange(pick, today)).toEqual({ from, to });
  });

  it('when today is a Sunday, then this week starts on the Monday before', () => {
    expect(quickRange('this-week', '2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });

  it('when it is January, then last month is December of the year before', () => {
    expect(quickRange('last-month', '2026-01-15')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });

  it('when a range equals a quick pick, then that pick is shown as chosen', () => {
    expect(matchingPick({ from: '2026-03-01', to: '2026-03-04' }, today)).toBe('this-month');
    expect(matchingPick({ from: '2026-03-01', to: '2026-03-03' }, today)).toBeNull();
  });
});

describe('rangeProblem', () => {
  it('when dates are missing, unreal, reversed or too far apart, then the problem is named', () => {
    expect(rangeProblem({ from: '', to: '2026-03-01' })).toBe('invalid-from');
    expect(rangeProblem({ from: '2026-02-01', to: '2026-02-30' })).toBe('invalid-to');
    expect(rangeProblem({ from: '2026-03-02', to: '2026-03-01' })).toBe('order');
    expect(rangeProblem({ from: '2025-01-01', to: '2026-03-01' })).toBe('too-long');
    expect(rangeProblem({ from: '2025-02-01', to: '2026-03-01' })).toBeNull();
  });
});

describe('calendar helpers', () => {
  it('when days are added or counted across a month end, then the calendar is right', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysIn({ from: '2026-03-01', to: '2026-03-31' })).toBe(31);
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(isDay('2026-13-01')).toBe(false);
  });
});
