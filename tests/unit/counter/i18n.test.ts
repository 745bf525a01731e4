import { describe, expect, it } from 'vitest';
import { errorText, messages } from '../../../counter/src/i18n.js';
import { t as kiosk } from '../../../kiosk/src/i18n.js';

describe('errorText', () => {
  it.each([
    ['tr', 'queue-empty', 'Bekleyen kimse yok.'],
    ['en', 'queue-empty', 'Nobody is waiting.'],
    ['tr', 'counter-taken', 'Bu banko başka bir personel tarafından kullanılıyor.'],
    ['en', 'counter-busy', 'Finish the current visit first.'],
  ] as const)('when the %s error code is %s, then it reads %j', (lang, code, text) => {
    expect(errorText(lang, code)).toBe(text);
  });

  it('when the code is unknown, then the generic server error is shown', () => {
    expect(errorText('tr', 'something-new')).toBe(messages('tr').errors.internal);
  });
});

describe('messages', () => {
  it('when both catalogues are read, then they have the same keys', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? keys(v).map((x) => `${k}.${x}`) : [k],
      );

    expect(keys(messages('en')).sort()).toEqual(keys(messages('tr')).sort());
  });

  it('when the session expired, then both languages say so', () => {
    expect(messages('tr').sessionExpired).toMatch(/Oturumunuz sona erdi/);
    expect(messages('en').sessionExpired).toMatch(/session expired/);
  });
});

describe('the counter in Turkish', () => {
  const tr = messages('tr');

  it('when a visitor is in a priority group, then the clerk reads the same words the visitor chose at the kiosk', () => {
    for (const lang of ['tr', 'en'] as const) {
      expect(messages(lang).priorityGroups).toEqual(kiosk(lang).priorityGroups);
    }
  });

  it('when the counter is paused, then the notice says which key or button to press, with a verb', () => {
    expect(tr.pausedNotice('Mola')).toMatch(/P tuşuna basın\.$/);
  });

  it('when the clerk reads the headings and labels, then none of the awkward phrasings is left', () => {
    const all = JSON.stringify(tr);
    expect(all).not.toMatch(/Bugün sizin|Sıradaki yeri|için P\./);
  });

  it('when a shortcut key is shown, then its hint is Turkish', () => {
    expect(tr.keyHint('N')).toBe('Kısayol: N tuşu');
    expect(tr.shortcutsLegend).toMatch(/^Kısayollar: /);
  });
});
