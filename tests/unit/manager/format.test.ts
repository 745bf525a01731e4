import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatClock,
  formatCount,
  formatDay,
  formatDayRange,
  formatDecimal,
  formatDuration,
  formatSeconds,
  formatShare,
  shareMeetsGoal,
} from '../../../manager/src/state/format.js';
import { T0 } from './fixtures.js';

describe('formatting', () => {
  it.each([
    [0, '0:00'],
    [65_000, '1:05'],
    [3_600_000 + 61_000, '1:01:01'],
    [-5_000, '0:00'],
  ])('when %i ms pass, then the clock shows %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('when seconds come from the stats report, then they show as m:ss, or a dash when missing', () => {
    expect(formatSeconds(237.4)).toBe('3:57');
    expect(formatSeconds(null)).toBe('—');
  });

  it('when numbers are shown in Turkish, then they use Turkish grouping, decimals and the leading percent sign', () => {
    expect(formatCount('tr', 12345)).toBe('12.345');
    expect(formatDecimal('tr', 3.25, 2)).toBe('3,25');
    expect(formatShare('tr', 0.981)).toBe('%98,1');
    expect(formatShare('tr', null)).toBe('—');
    expect(formatBytes('tr', 1_258_291)).toBe('1,2 MB');
    expect(formatBytes('tr', 512)).toBe('512 B');
  });

  it('when numbers are shown in English, then they use English formats', () => {
    expect(formatCount('en', 12345)).toBe('12,345');
    expect(formatShare('en', 0.981)).toBe('98.1%');
    expect(formatBytes('en', 2048)).toBe('2 KB');
  });

  it('when days and times are written out, then they are in the language and the hall time zone', () => {
    expect(formatDay('tr', '2026-11-03')).toBe('3 Kasım 2026');
    expect(formatDay('tr', '2026-11-03', true)).toBe('Sal 3 Kas 2026');
    expect(formatDayRange('tr', '2026-11-01', '2026-11-30')).toBe('1–30 Kasım 2026');
    expect(formatDayRange('tr', '2026-11-05', '2026-11-05')).toBe('5 Kasım 2026');
    // ICU puts thin spaces around the dash between months: compare the words.
    expect(formatDayRange('en', '2026-10-01', '2026-11-30').replace(/\s/g, ' ')).toBe(
      '1 October – 30 November 2026',
    );
    expect(formatClock('tr', T0, 'Europe/Istanbul')).toBe('10:00');
  });

  it.each<[number, string, string, boolean]>([
    [0.9795, '%97,9', '97.9%', false],
    [0.98, '%98,0', '98.0%', true],
    [0.9794, '%97,9', '97.9%', false],
    [0.97999, '%97,9', '97.9%', false],
    [0.58, '%58,0', '58.0%', false],
    [1, '%100,0', '100.0%', true],
    [0.99999, '%99,9', '99.9%', true],
  ])(
    'when the share is %d, then it shows with one decimal cut toward the verdict against 98%',
    (share, tr, en, meets) => {
      expect(formatShare('tr', share)).toBe(tr);
      expect(formatShare('en', share)).toBe(en);
      expect(shareMeetsGoal(share, 0.98)).toBe(meets);
      // The text and the verdict agree: a share shown as at least the goal meets it.
      expect(parseFloat(formatShare('en', share)) >= 98).toBe(meets);
    },
  );

  it('when 49 of 50 visits were resolved, then the share shows the goal exactly and meets it', () => {
    expect(formatShare('tr', 49 / 50)).toBe('%98,0');
    expect(shareMeetsGoal(49 / 50, 0.98)).toBe(true);
  });
});
