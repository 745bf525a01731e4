import { describe, expect, it } from 'vitest';
import type { BookingRevEvent } from '../../../contract/booking-events.js';
import type { RevEvent } from '../../../contract/events.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../contract/webhooks.js';
import type { ConfigData } from '../../../server/src/config/config-data.js';
import { defaultConfig } from '../../../server/src/config/default-config.js';
import { WebhookFacts, type WebhookSource } from '../../../server/src/webhooks/webhook-facts.js';
import {
  BOOKING_WEBHOOK_TYPES,
  JOURNAL_WEBHOOK_TYPES,
  parseWebhookEventId,
  webhookEventId,
  webhookEventOf,
  webhookTestDelivery,
  webhookTypeOf,
} from '../../../server/src/webhooks/webhook-payload.js';

const HALL = 'cankaya';
const DAY = '2026-12-05';
const T0 = Date.parse('2026-12-05T07:00:00Z');
const SLOT = Date.parse('2026-12-05T07:30:00Z');

/** Every personal string of the fixtures: none may appear without `personalData`. */
const P = {
  clerkId: 'clerk-personal-7',
  clerkName: 'Memur Kişisel Adı',
  note: 'NOTE-private-visit-text',
  ratingNote: 'RATING-private-comment',
  priority: 'pregnant',
  smsPhone: '+905559998877',
  name: 'Ayşe Kişisel Yılmaz',
  phone: '+905551112233',
} as const;
/** Codes that act for the visitor: never sent, whatever the endpoint chose. */
const NEVER = {
  phoneCode: 'PHONECODE-secret-xyz',
  checkInCode: '9876543210',
  /** A booking's code opens its own page (move, cancel): a credential, not data. */
  bookingCode: 'BOOKCODE-secret-123',
} as const;

function config(): ConfigData {
  const c = defaultConfig();
  c.users.push({
    id: P.clerkId,
    username: 'memur',
    displayName: P.clerkName,
    role: 'clerk',
    hallId: HALL,
    passwordHash: 'x',
    active: true,
    createdAt: 0,
  });
  return c;
}

/** One fixture of every internal type: a new type fails to compile until it is added here. */
type EveryType<E extends { type: string }> = { [K in E['type']]: Extract<E, { type: K }> };

const base = (rev: number) => ({ hallId: HALL, at: T0 + rev * 60_000, rev });
const tk = (rev: number) => ({ ...base(rev), ticketId: 't-1' });
const clerkAt = { counterId: 'banko-3', clerkId: P.clerkId };

const JOURNAL: EveryType<RevEvent> = {
  'ticket:issued': {
    ...tk(1),
    type: 'ticket:issued',
    code: NEVER.phoneCode,
    serviceId: 'vezne',
    seq: 12,
    number: 'V012',
    priority: P.priority,
    lang: 'tr',
    estimate: { kind: 'range', minutes: 9, min: 6, max: 12 },
    appointment: { bookingId: 'b-1', slotAt: SLOT },
  },
  'ticket:sms-requested': { ...tk(2), type: 'ticket:sms-requested', phone: P.smsPhone, ahead: 3 },
  'ticket:turn-near': { ...tk(3), type: 'ticket:turn-near', ahead: 3 },
  'ticket:sms-withdrawn': { ...tk(4), type: 'ticket:sms-withdrawn' },
  'ticket:called': { ...tk(5), ...clerkAt, type: 'ticket:called', idleMs: 0 },
  'ticket:recalled': { ...tk(6), ...clerkAt, type: 'ticket:recalled' },
  'ticket:no-show': { ...tk(7), ...clerkAt, type: 'ticket:no-show' },
  'ticket:restored': { ...tk(8), clerkId: P.clerkId, type: 'ticket:restored' },
  'ticket:requeued': { ...tk(9), ...clerkAt, type: 'ticket:requeued' },
  'ticket:transferred': {
    ...tk(10),
    ...clerkAt,
    type: 'ticket:transferred',
    fromServiceId: 'vezne',
    toServiceId: 'ruhsat',
    position: 'front',
  },
  'ticket:started': { ...tk(11), ...clerkAt, type: 'ticket:started' },
  'ticket:completed': {
    ...tk(12),
    ...clerkAt,
    type: 'ticket:completed',
    outcome: 'forwarded',
    directorateId: 'zabita',
    note: P.note,
  },
  'ticket:rated': { ...tk(13), type: 'ticket:rated', rating: 4, note: P.ratingNote },
  'ticket:cancelled': { ...tk(14), type: 'ticket:cancelled', by: 'staff', clerkId: P.clerkId },
  'estimates:sampled': {
    ...base(15),
    type: 'estimates:sampled',
    estimates: { 't-1': { kind: 'minutes', minutes: 3 } },
  },
  'counter:opened': { ...base(16), ...clerkAt, type: 'counter:opened' },
  'counter:paused': { ...base(17), ...clerkAt, type: 'counter:paused', reason: 'break' },
  'counter:resumed': { ...base(18), ...clerkAt, type: 'counter:resumed' },
  'counter:closed': { ...base(19), ...clerkAt, type: 'counter:closed' },
};

const bk = (rev: number) => ({ ...base(rev), bookingId: 'b-1' });
const BOOKINGS: EveryType<BookingRevEvent> = {
  'booking:made': {
    ...bk(1),
    type: 'booking:made',
    serviceId: 'ruhsat',
    slotAt: SLOT - 86_400_000,
    day: '2026-12-04',
    time: '10:30',
    slotMinutes: 15,
    name: P.name,
    phone: P.phone,
    addressHash: null,
    lang: 'tr',
    code: NEVER.bookingCode,
    checkInCode: NEVER.checkInCode,
    madeBy: 'citizen',
  },
  'booking:moved': { ...bk(2), type: 'booking:moved', slotAt: SLOT, day: DAY, time: '10:30' },
  'booking:checked-in': {
    ...bk(3),
    type: 'booking:checked-in',
    ticketId: 't-1',
    ticketNumber: 'V012',
  },
  'booking:cancelled': { ...bk(4), type: 'booking:cancelled', by: 'staff' },
  'bookings:erased': { ...base(5), type: 'bookings:erased', bookingIds: ['b-1'] },
};

/** The fixtures in stream order, as a deliverer reads them. */
const SOURCES: WebhookSource[] = [
  ...Object.values(JOURNAL)
    .sort((a, b) => a.rev - b.rev)
    .map((event): WebhookSource => ({ stream: 'journal', day: DAY, event })),
  ...Object.values(BOOKINGS)
    .sort((a, b) => a.rev - b.rev)
    .map((event): WebhookSource => ({ stream: 'bookings', event })),
];

/** Each source's delivery, with the facts of the events before it. */
function deliveries(personalData: boolean) {
  const facts = new WebhookFacts(HALL);
  const c = config();
  return SOURCES.map((source) => {
    const delivery = webhookEventOf(source, { config: c, personalData, facts });
    facts.note(source);
    return { source, delivery };
  });
}

/** The personal strings an event of this type carries with `personalData`. */
const PERSONAL_OF: Record<string, string[]> = {
  'ticket:issued': [P.priority],
  'ticket:turn-near': [P.smsPhone],
  'ticket:called': [P.priority, P.clerkId, P.clerkName],
  'ticket:completed': [P.priority, P.clerkId, P.clerkName, P.note],
  'ticket:rated': [P.priority, P.ratingNote],
  'ticket:cancelled': [P.priority, P.clerkId, P.clerkName],
  'counter:paused': [P.clerkId, P.clerkName],
  'booking:made': [P.name, P.phone],
  'booking:moved': [P.name, P.phone],
  'booking:checked-in': [P.name, P.phone],
  'booking:cancelled': [P.name, P.phone],
};

describe('webhook payload', () => {
  it('when any internal event type exists, then it is mapped to a webhook type or deliberately to none', () => {
    expect(Object.keys(JOURNAL_WEBHOOK_TYPES).sort()).toEqual(Object.keys(JOURNAL).sort());
    expect(Object.keys(BOOKING_WEBHOOK_TYPES).sort()).toEqual(Object.keys(BOOKINGS).sort());
    const mapped = new Set<WebhookEventType>();
    for (const { event } of SOURCES) {
      const type = webhookTypeOf(event);
      if (type !== null) mapped.add(type);
    }
    expect([...mapped].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    expect(webhookTypeOf(JOURNAL['estimates:sampled'])).toBeNull();
    expect(webhookTypeOf(JOURNAL['ticket:sms-requested'])).toBeNull();
    expect(webhookTypeOf(BOOKINGS['bookings:erased'])).toBeNull();
  });

  it('when personal data is off, then no name, phone, note, priority group, clerk or code appears in any body', () => {
    const all = deliveries(false);
    for (const { source, delivery } of all) {
      const json = JSON.stringify(delivery);
      for (const s of [...Object.values(P), ...Object.values(NEVER)])
        expect(json, `${source.event.type} leaks ${s}`).not.toContain(s);
    }
    expect(all.filter((d) => d.delivery !== null)).toHaveLength(20);
  });

  it('when personal data is on, then each event carries its personal fields, and never the acting codes', () => {
    for (const { source, delivery } of deliveries(true)) {
      const json = JSON.stringify(delivery);
      for (const s of PERSONAL_OF[source.event.type] ?? [])
        expect(json, `${source.event.type} lacks ${s}`).toContain(s);
      for (const s of Object.values(NEVER)) expect(json).not.toContain(s);
    }
  });

  it('when a ticket is called, then the body names its number, service, counter and appointment', () => {
    const called = deliveries(false).find((d) => d.source.event.type === 'ticket:called')!;
    expect(called.delivery).toEqual({
      id: `${HALL}.${DAY}.5`,
      type: 'ticket.called',
      version: 1,
      occurredAt: '2026-12-05T07:05:00.000Z',
      hallId: HALL,
      data: {
        ticketId: 't-1',
        number: 'V012',
        serviceId: 'vezne',
        serviceName: 'Vezne',
        serviceNameEn: 'Cashier',
        counterId: 'banko-3',
        counterName: 'Banko 3',
        priority: true,
        appointment: { slotAt: '2026-12-05T07:30:00.000Z' },
      },
    });
    const personal = deliveries(true).find((d) => d.source.event.type === 'ticket:called')!;
    expect(personal.delivery!.data).toMatchObject({
      priorityGroup: P.priority,
      clerkId: P.clerkId,
      clerkName: P.clerkName,
    });
  });

  it('when a ticket is issued, transferred, completed, cancelled, rated or its turn nears, then the type-specific fields are there', () => {
    const byType = new Map(deliveries(false).map((d) => [d.source.event.type, d.delivery?.data]));
    expect(byType.get('ticket:issued')).toMatchObject({ estimateMinutes: 9, counterId: null });
    expect(byType.get('ticket:transferred')).toMatchObject({
      serviceId: 'vezne',
      toServiceId: 'ruhsat',
      toServiceName: 'Ruhsat',
      toServiceNameEn: 'Licensing',
      placement: 'front',
    });
    // After the transfer the ticket is the new service's.
    expect(byType.get('ticket:started')).toMatchObject({ serviceId: 'ruhsat' });
    expect(byType.get('ticket:completed')).toMatchObject({
      outcome: 'forwarded',
      directorateId: 'zabita',
      directorateName: 'Zabıta',
      directorateNameEn: 'Municipal Police',
    });
    expect(byType.get('ticket:cancelled')).toMatchObject({ by: 'staff', counterId: null });
    expect(byType.get('ticket:rated')).toMatchObject({ rating: 4 });
    expect(byType.get('ticket:turn-near')).toMatchObject({ ahead: 3, number: 'V012' });
    expect(byType.get('counter:paused')).toEqual({
      counterId: 'banko-3',
      counterName: 'Banko 3',
      reason: 'break',
    });
  });

  it('when the turn of a priority ticket nears with personal data on, then only the SMS number goes: no priority group, clerk or note', () => {
    const turnNear = deliveries(true).find((d) => d.source.event.type === 'ticket:turn-near')!;
    const data = turnNear.delivery!.data;
    expect(data).toMatchObject({ phone: P.smsPhone, lang: 'tr', priority: true });
    for (const key of ['priorityGroup', 'clerkId', 'clerkName', 'note'])
      expect(data, `turn-near carries ${key}`).not.toHaveProperty(key);
    expect(JSON.stringify(data)).not.toContain(P.priority);
  });

  it('when the visitor withdraws the SMS request, then a later turn-near carries no phone', () => {
    const facts = new WebhookFacts(HALL);
    const c = config();
    for (const type of ['ticket:issued', 'ticket:sms-requested', 'ticket:sms-withdrawn'] as const)
      facts.note({ stream: 'journal', day: DAY, event: JOURNAL[type] });
    const d = webhookEventOf(
      { stream: 'journal', day: DAY, event: { ...JOURNAL['ticket:turn-near'], rev: 20 } },
      { config: c, personalData: true, facts },
    );
    expect(d!.data.phone).toBeNull();
  });

  it('when a booking is moved, cancelled or checked in, then the body has its service, slot and channel', () => {
    const byType = new Map(deliveries(false).map((d) => [d.source.event.type, d.delivery]));
    expect(byType.get('booking:moved')).toEqual({
      id: `${HALL}.b.2`,
      type: 'booking.moved',
      version: 1,
      occurredAt: '2026-12-05T07:02:00.000Z',
      hallId: HALL,
      data: {
        bookingId: 'b-1',
        serviceId: 'ruhsat',
        serviceName: 'Ruhsat',
        serviceNameEn: 'Licensing',
        slotAt: '2026-12-05T07:30:00.000Z',
        day: DAY,
        time: '10:30',
        channel: 'citizen',
      },
    });
    expect(byType.get('booking:made')!.data).toMatchObject({ day: '2026-12-04' });
    expect(byType.get('booking:checked-in')!.data).toMatchObject({
      day: DAY,
      ticketId: 't-1',
      ticketNumber: 'V012',
    });
    expect(byType.get('booking:cancelled')!.data).toMatchObject({ cancelledBy: 'staff' });
    expect(byType.get('bookings:erased')).toBeNull();
  });

  it('when an id is gone from the configuration, then its name is null and nothing throws', () => {
    const c = config();
    c.services = [];
    c.counters = [];
    const d = webhookEventOf(
      { stream: 'journal', day: DAY, event: JOURNAL['ticket:called'] },
      { config: c, personalData: false, facts: new WebhookFacts(HALL) },
    );
    expect(d!.data).toMatchObject({
      number: null,
      serviceId: null,
      serviceName: null,
      counterName: null,
    });
  });

  it('when ids are made, then they come from the position and parse back', () => {
    const journal: WebhookSource = { stream: 'journal', day: DAY, event: JOURNAL['ticket:called'] };
    const ledger: WebhookSource = { stream: 'bookings', event: BOOKINGS['booking:moved'] };
    expect(webhookEventId(journal)).toBe('cankaya.2026-12-05.5');
    expect(webhookEventId(ledger)).toBe('cankaya.b.2');
    expect(parseWebhookEventId('cankaya.2026-12-05.5')).toEqual({
      stream: 'journal',
      hallId: HALL,
      day: DAY,
      rev: 5,
    });
    expect(parseWebhookEventId('hall-1.b.42')).toEqual({
      stream: 'bookings',
      hallId: 'hall-1',
      rev: 42,
    });
    for (const bad of [
      'test.abc',
      'cankaya.2026-12-05.0',
      'cankaya.b.x',
      'a.b.c.d',
      '',
      'x.2026-1-5.3',
    ])
      expect(parseWebhookEventId(bad)).toBeNull();
  });

  it('when a test is sent, then its body is a webhook.test with a test.<uuid> id', () => {
    expect(webhookTestDelivery(HALL, 'u-1', T0)).toMatchObject({
      id: 'test.u-1',
      type: 'webhook.test',
      version: 1,
      occurredAt: '2026-12-05T07:00:00.000Z',
      hallId: HALL,
    });
  });
});
