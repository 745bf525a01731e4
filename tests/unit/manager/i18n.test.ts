import { describe, expect, it } from 'vitest';
import { errorText, messages } from '../../../manager/src/i18n.js';

describe('i18n', () => {
  it('when an error code is unknown, then the generic text shows', () => {
    expect(errorText('tr', 'no-such-code')).toBe(messages('tr').errors.internal);
    expect(errorText('en', 'queue-empty')).toBe('Nobody is waiting.');
  });

  it('when the catalogues are compared, then English has every Turkish key and no Turkish text is left in English', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v !== null && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k],
      );
    expect(keys(messages('en')).sort()).toEqual(keys(messages('tr')).sort());
    expect(messages('en').overrun['far-over']).not.toBe(messages('tr').overrun['far-over']);
  });

  it('when the overrun is shown, then it is said in words, not only in colour', () => {
    expect(messages('tr').overrun).toEqual({
      walk: 'Yolda, hizmet başlamadı',
      'walk-long': 'Çağrıldı, gelmedi',
      within: 'Hedef içinde',
      over: 'Hedef aşıldı',
      'far-over': 'Hedef çok aşıldı (1,5 katı)',
    });
  });

  it('when ratings are counted in English, then one is singular and more are plural; Turkish does not inflect', () => {
    expect(messages('en').ratings(1)).toBe('1 rating');
    expect(messages('en').ratings(12)).toBe('12 ratings');
    expect(messages('en').ratings(1200)).toBe('1,200 ratings');
    expect(messages('tr').ratings(1)).toBe('1 değerlendirme');
    expect(messages('tr').ratings(12)).toBe('12 değerlendirme');
  });
});
