import { describe, expect, it } from 'vitest';
import { errorMessage, friendlyError } from '../../../kiosk/src/state/errors.js';

describe('error messages', () => {
  it.each([
    ['service-inactive', 'tr', 'Bu hizmet şu anda verilmiyor. Lütfen başka bir işlem seçin.'],
    ['service-inactive', 'en', 'This service is not available right now. Please choose another.'],
    ['rate-limited', 'tr', 'Çok sayıda istek yapıldı. Lütfen bir dakika sonra tekrar deneyin.'],
    ['rate-limited', 'en', 'Too many requests. Please try again in a minute.'],
    [
      'network',
      'tr',
      'Sunucuya ulaşılamıyor. Bilet verilemedi, lütfen biraz sonra tekrar deneyin.',
    ],
  ] as const)('when the server answers %s (%s), then the visitor reads %j', (code, lang, text) => {
    expect(errorMessage(code, lang)).toBe(text);
  });

  it.each([
    ['hall-not-found', 'service-not-found'],
    ['internal', 'other'],
    ['validation', 'other'],
    ['timeout', 'timeout'],
    ['storage-unavailable', 'storage-unavailable'],
  ] as const)('when the failure is %s, then it is explained as %s', (code, friendly) => {
    expect(friendlyError(code)).toBe(friendly);
  });
});
