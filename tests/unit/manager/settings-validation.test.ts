import { describe, expect, it } from 'vitest';
import {
  changedFields,
  counterProblems,
  describeServerError,
  deviceProblems,
  hallProblems,
  normalisePrefix,
  printerProblems,
  schemaProblems,
  serviceProblems,
  userProblems,
  type PrinterDraft,
} from '../../../manager/src/state/settings-validation.js';
import { counterCreateBody, directorateCreateBody } from '../../../contract/settings-schemas.js';
import { counter, service } from './fixtures.js';

describe('serviceProblems', () => {
  const services = [service('vezne', 'V'), service('imar', 'İ')];
  const draft = {
    nameTr: 'Nikah',
    nameEn: 'Marriage',
    prefix: 'n',
    targetMinutes: 5,
    active: true,
  };

  it('when a new service is filled in right, then there is nothing to fix (the prefix is upper-cased the Turkish way)', () => {
    expect(serviceProblems(draft, services, null)).toEqual({});
    expect(normalisePrefix(' i ')).toBe('İ');
  });

  it('when names are empty, the prefix is taken or malformed, and the target is fractional or too big, then each field says so', () => {
    expect(
      serviceProblems({ ...draft, nameTr: ' ', prefix: 'v', targetMinutes: 2.5 }, services, null),
    ).toEqual({
      'name.tr': 'required',
      prefix: 'prefix-taken',
      targetMinutes: 'whole-number',
    });
    expect(serviceProblems({ ...draft, prefix: 'X1', targetMinutes: 121 }, services, null)).toEqual(
      {
        prefix: 'prefix-format',
        targetMinutes: 'out-of-range',
      },
    );
    expect(serviceProblems({ ...draft, prefix: 'i' }, services, null).prefix).toBe('prefix-taken');
  });

  it('when a service keeps its own prefix, then that is not a clash', () => {
    expect(serviceProblems({ ...draft, prefix: 'V' }, services, 'vezne')).toEqual({});
  });
});

describe('counterProblems', () => {
  const counters = [counter(1), counter(2)];
  it('when the number is taken, the name is empty and no service is covered, then each field says so', () => {
    expect(counterProblems({ number: 2, name: '', services: [] }, counters, null)).toEqual({
      number: 'number-taken',
      name: 'required',
      services: 'no-services',
    });
  });

  it('when a weight is out of range, then that coverage line says so', () => {
    const d = {
      number: 7,
      name: 'Banko 7',
      services: [
        { serviceId: 'vezne', weight: 1 },
        { serviceId: 'r', weight: 0 },
      ],
    };
    expect(counterProblems(d, counters, null)).toEqual({ 'services.1.weight': 'weight-range' });
    expect(
      counterProblems({ ...d, number: 1, services: [d.services[0]!] }, counters, 'banko-1'),
    ).toEqual({});
  });
});

describe('userProblems', () => {
  it('when the user name has capitals, then it is lower-cased as the server does (I gives i, not ı) before checking', () => {
    expect(userProblems({ username: 'AYSE', displayName: 'Ayşe', role: 'clerk' }, [])).toEqual({});
    expect(userProblems({ username: 'KADIR', displayName: 'Kadir', role: 'clerk' }, [])).toEqual(
      {},
    );
    expect(
      userProblems({ username: 'KADIR', displayName: 'Kadir', role: 'clerk' }, ['kadir']),
    ).toEqual({ username: 'username-taken' });
    expect(userProblems({ username: 'Şule', displayName: 'Şule', role: 'clerk' }, [])).toEqual({
      username: 'username-format',
    });
    expect(userProblems({ username: 'ayse', displayName: '', role: 'clerk' }, ['ayse'])).toEqual({
      username: 'username-taken',
      displayName: 'required',
    });
  });
});

describe('printerProblems', () => {
  const p: PrinterDraft = {
    name: 'Kiosk',
    transport: 'tcp',
    address: '192.168.1.50',
    paperWidth: 80,
    codePage: 13,
  };
  it.each<[string, Partial<PrinterDraft>, Record<string, string>]>([
    ['a host without port', {}, {}],
    ['a host and port', { address: '192.168.1.50:9100' }, {}],
    ['a port out of range', { address: '192.168.1.50:99999' }, { address: 'tcp-address' }],
    ['an empty tcp address', { address: '' }, { address: 'required' }],
    ['a device path', { transport: 'device', address: '/dev/usb/lp0' }, {}],
    [
      'a device path that climbs',
      { transport: 'device', address: '/dev/../etc/passwd' },
      { address: 'device-address' },
    ],
    [
      'no transport with an address',
      { transport: 'none', address: 'x' },
      { address: 'none-address' },
    ],
    ['a code page past 255', { codePage: 256 }, { codePage: 'out-of-range' }],
  ])('when the printer has %s, then the problems are as listed', (_what, change, problems) => {
    expect(printerProblems({ ...p, ...change })).toEqual(problems);
  });
});

describe('hallProblems', () => {
  const hall = {
    name: 'Çankaya',
    timeZone: 'Europe/Istanbul',
    priorityRatio: 2,
    escalationMinutes: 30,
    noShowGraceMinutes: 5,
    noteRetentionDays: 90,
    whenNoCounterOpen: 'issue' as const,
    smsNotifyAhead: null,
  };
  it('when the hall settings are right, then nothing is wrong; wrong zone and ranges are named', () => {
    expect(hallProblems(hall)).toEqual({});
    expect(
      hallProblems({
        ...hall,
        timeZone: 'Istanbul',
        priorityRatio: 11,
        escalationMinutes: 0,
        noteRetentionDays: NaN,
      }),
    ).toEqual({
      timeZone: 'time-zone',
      priorityRatio: 'out-of-range',
      escalationMinutes: 'out-of-range',
      noteRetentionDays: 'required',
    });
  });

  it('when a device name is blank, then it is required', () => {
    expect(deviceProblems({ name: '  ' })).toEqual({ name: 'required' });
  });
});

describe('schemaProblems', () => {
  it('when a label has an invisible character or is too long, then the field says which', () => {
    expect(deviceProblems({ name: 'Kiosk\u200B' })).toEqual({ name: 'control-characters' });
    expect(deviceProblems({ name: 'k'.repeat(61) })).toEqual({ name: 'too-long' });
  });

  it('when a check has no problem of its own, then the field is marked invalid, not required', () => {
    expect(
      schemaProblems(counterCreateBody, {
        number: 3,
        name: 'Banko 3',
        services: [
          { serviceId: 'vezne', weight: 1 },
          { serviceId: 'vezne', weight: 2 },
        ],
      }),
    ).toEqual({ services: 'invalid' });
  });

  it('when the body is right, then there is nothing to fix', () => {
    expect(schemaProblems(directorateCreateBody, { name: { tr: 'Fen İşleri' } })).toEqual({});
  });
});

describe('changedFields', () => {
  it('when a form is saved, then only the changed fields are sent', () => {
    expect(
      changedFields({ a: 1, b: { tr: 'x' }, c: true }, { a: 1, b: { tr: 'y' }, c: true }),
    ).toEqual({
      b: { tr: 'y' },
    });
  });
});

describe('describeServerError', () => {
  const labels = { prefix: 'Önek', 'name.tr': 'Ad (Türkçe)', timeZone: 'Saat dilimi' };
  it('when the server refuses a field, then the line names the field in the interface language with the server words', () => {
    expect(
      describeServerError(
        {
          code: 'validation',
          message: 'prefix: expected one or two capital letters',
          field: 'prefix',
        },
        labels,
        'Geçersiz.',
      ),
    ).toEqual({ field: 'prefix', text: 'Önek: expected one or two capital letters' });
    expect(
      describeServerError(
        { code: 'validation', message: 'name.tr: Too small', field: 'name.tr' },
        labels,
        'x',
      ),
    ).toEqual({ field: 'name.tr', text: 'Ad (Türkçe): Too small' });
  });

  it('when the server names a field the form does not show, then the path itself is named', () => {
    expect(
      describeServerError(
        { code: 'validation', message: 'Unknown field(s): foo.', field: 'foo' },
        labels,
        'x',
      ),
    ).toEqual({ field: null, text: 'foo: Unknown field(s): foo.' });
  });

  it('when the error names no field, then the generic text leads', () => {
    expect(
      describeServerError(
        { code: 'forbidden', message: 'You may not do this.' },
        labels,
        'Yetkiniz yok.',
      ),
    ).toEqual({
      field: null,
      text: 'Yetkiniz yok. You may not do this.',
    });
  });
});
