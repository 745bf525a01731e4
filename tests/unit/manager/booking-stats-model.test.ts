import { describe, expect, it } from 'vitest';
import type { BookingStats } from '../../../contract/stats.js';
import {
  bookingFigureText,
  channelRows,
  latenessRows,
  noBookings,
  punctualitySentence,
  showRate,
  waitsSentence,
} from '../../../manager/src/manager-booking-stats-model.js';

const none = { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null };

function stats(over: Partial<BookingStats> = {}): BookingStats {
  return {
    made: 0,
    checkedIn: 0,
    noShows: 0,
    cancelled: 0,
    booked: 0,
    byChannel: { citizen: 0, staff: 0 },
    punctuality: { ...none, withinFiveMinutes: 0, withinFiveMinutesShare: null },
    bookedWait: none,
    walkInWait: none,
    ...over,
  };
}

describe('the appointments section of the statistics page', () => {
  it('when no booking window is over yet, then the show rate is unknown, not 0 %', () => {
    const b = stats({ made: 3, booked: 2, cancelled: 1, byChannel: { citizen: 3, staff: 0 } });
    expect(showRate(b)).toBeNull();
    expect(bookingFigureText('tr', b, 'showRate')).toBe('—');
    expect(noBookings(b)).toBe(false);
  });

  it('when some came and some did not, then cancelled and open bookings do not count against the show rate', () => {
    const b = stats({ made: 10, checkedIn: 6, noShows: 2, cancelled: 1, booked: 1 });
    expect(showRate(b)).toBe(0.75);
  });

  it('when booked visitors were called under half a minute late on average, then the sentence says at their time', () => {
    const b = stats({
      made: 2,
      checkedIn: 2,
      punctuality: {
        count: 2,
        meanSeconds: 20,
        medianSeconds: 20,
        p90Seconds: 30,
        withinFiveMinutes: 2,
        withinFiveMinutesShare: 1,
      },
    });
    expect(punctualitySentence('tr', b)).toBe(
      'Randevulu ziyaretçiler ortalamada saatlerinde çağrıldı.',
    );
    expect(punctualitySentence('en', b)).toBe(
      'Booked visitors were called at their time, on average.',
    );
  });

  it('when they were called later, then the sentence names the minutes in the language’s decimal style', () => {
    const b = stats({
      made: 2,
      checkedIn: 2,
      punctuality: {
        count: 2,
        meanSeconds: 150,
        medianSeconds: 150,
        p90Seconds: 240,
        withinFiveMinutes: 2,
        withinFiveMinutesShare: 1,
      },
    });
    expect(punctualitySentence('tr', b)).toContain('2,5 dk');
    expect(punctualitySentence('en', b)).toContain('2.5 min');
  });

  it('when nobody booked was called, then punctuality says so and the waits sentence is empty', () => {
    const b = stats({ made: 1, booked: 1, walkInWait: { ...none, count: 4, meanSeconds: 300 } });
    expect(punctualitySentence('tr', b)).toBe('Bu aralıkta çağrılan randevulu ziyaretçi yok.');
    expect(waitsSentence('tr', b)).toBe('');
  });

  it('when nothing was booked, then the channel shares are unknown and the section is replaced by one line', () => {
    const b = stats();
    expect(noBookings(b)).toBe(true);
    expect(channelRows(b).map((r) => r.share)).toEqual([null, null]);
  });

  it('when booked visitors were called, then the lateness rows read as minutes and on-time as a count of all', () => {
    const b = stats({
      made: 3,
      checkedIn: 3,
      punctuality: {
        count: 3,
        meanSeconds: 150,
        medianSeconds: 120,
        p90Seconds: 420,
        withinFiveMinutes: 2,
        withinFiveMinutesShare: 2 / 3,
      },
    });
    expect(latenessRows('tr', b)).toEqual([
      { row: 'mean', label: 'Gecikme: Ortalama', text: '2,5 dk' },
      { row: 'median', label: 'Gecikme: Ortanca', text: '2 dk' },
      { row: 'p90', label: 'Gecikme: %90 şu süreden kısa', text: '7 dk' },
      { row: 'on-time', label: 'İlk 5 dakikada çağrılan', text: '2 / 3 (%66,6)' },
    ]);
  });

  it('when nobody booked was called, then every lateness row shows a dash', () => {
    expect(latenessRows('en', stats({ made: 1, booked: 1 })).map((r) => r.text)).toEqual([
      '—',
      '—',
      '—',
      '—',
    ]);
  });
});
