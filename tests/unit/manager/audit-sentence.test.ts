import { describe, expect, it } from 'vitest';
import { messages } from '../../../manager/src/i18n.js';

/** Every action the server writes to the audit log (changeSettings and the password route). */
const ACTIONS = [
  'counter.create',
  'counter.update',
  'device.create',
  'device.revoke',
  'device.update',
  'directorate.create',
  'directorate.update',
  'hall.update',
  'printer.create',
  'printer.update',
  'service.create',
  'service.update',
  'user.change-password',
  'user.create',
  'user.reset-password',
  'user.update',
  'webhook.create',
  'webhook.delete',
  'webhook.resend',
  'webhook.retry',
  'webhook.rotate-secret',
  'webhook.update',
];

describe('audit sentences', () => {
  it.each(ACTIONS)(
    'when the action is %s, then Turkish and English say it with the name, no code',
    (action) => {
      for (const lang of ['tr', 'en'] as const) {
        const m = messages(lang);
        const named = m.auditSentence(action, 'Salon TV');
        expect(named).toContain('“Salon TV”');
        expect(named).not.toContain(action);
        expect(m.auditSentence(action, null)).not.toContain(action);
      }
    },
  );

  it('when a device is added, then the Turkish reads as a sentence', () => {
    expect(messages('tr').auditSentence('device.create', 'Salon TV')).toBe(
      '“Salon TV” cihazı eklendi',
    );
    expect(messages('tr').auditSentence('user.reset-password', 'Ayşe')).toBe(
      '“Ayşe” kullanıcısının parolası sıfırlandı',
    );
    expect(messages('en').auditSentence('device.create', 'Salon TV')).toBe(
      'Device “Salon TV” added',
    );
  });

  it('when the action is unknown, then the code is shown as it is', () => {
    expect(messages('tr').auditSentence('thing.explode', 'x')).toBe('thing.explode');
  });
});
