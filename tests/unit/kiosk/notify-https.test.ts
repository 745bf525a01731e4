import { describe, expect, it } from 'vitest';
import { t } from '../../../kiosk/src/i18n.js';
import { notifyState } from '../../../kiosk/src/state/phone-status.js';

describe('phone notifications on plain http', () => {
  it.each([null, 'default', 'granted', 'denied'] as const)(
    'when the page is not a secure context and the permission reads %s, then the page says notifications need https',
    (permission) => {
      expect(notifyState(permission, false)).toBe('needs-https');
    },
  );

  it('when the page is a secure context, then the permission decides as before', () => {
    expect(notifyState('denied', true)).toBe('denied');
    expect(notifyState('default', true)).toBe('ask');
  });

  it('when shown, then the message names https in Turkish and English and is not "not allowed"', () => {
    for (const lang of ['tr', 'en'] as const) {
      const text = t(lang);
      expect(text.notifyNeedsHttps).toContain('https://');
      expect(text.notifyNeedsHttps).not.toBe(text.notifyDenied);
    }
  });
});
