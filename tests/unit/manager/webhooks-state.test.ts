import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES, type WebhookView } from '../../../contract/webhooks.js';
import {
  EVENT_GROUPS,
  eventsOf,
  groupState,
  mayRetryNow,
  troubledWebhooks,
  webhookProblems,
  withEvent,
  withGroup,
} from '../../../manager/src/state/webhooks.js';

const view = (name: string, state: WebhookView['status']['state']): WebhookView => ({
  id: name,
  hallId: 'cankaya',
  name,
  url: 'https://crm.example.org/hook',
  events: ['ticket.issued'],
  personalData: false,
  active: state !== 'paused',
  createdAt: 0,
  status: { state, lastSuccessAt: null, failingSince: null, nextAttemptAt: null, lastError: null },
});

describe('integrations form and warning (manager state)', () => {
  it('when the events are grouped, then every event is in exactly one group', () => {
    const grouped = EVENT_GROUPS.flatMap(eventsOf);
    expect([...grouped].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    expect(eventsOf('counter')).toEqual([
      'counter.opened',
      'counter.paused',
      'counter.resumed',
      'counter.closed',
    ]);
  });

  it('when a group is switched on and off, then only its events change, in contract order', () => {
    const some = withEvent([], 'booking.made', true);
    expect(groupState('booking', some)).toBe('some');
    const all = withGroup(['booking.made', 'ticket.issued'], 'counter', true);
    expect(all).toEqual([
      'ticket.issued',
      'counter.opened',
      'counter.paused',
      'counter.resumed',
      'counter.closed',
      'booking.made',
    ]);
    expect(groupState('counter', all)).toBe('all');
    expect(withGroup(all, 'counter', false)).toEqual(['ticket.issued', 'booking.made']);
    expect(groupState('counter', withGroup(all, 'counter', false))).toBe('none');
    expect(withEvent(all, 'ticket.issued', false)).not.toContain('ticket.issued');
  });

  it('when the form is checked, then a blank name, a non-http URL and no events are named', () => {
    const problems = webhookProblems({
      name: '  ',
      url: 'ftp://files.example.org/in',
      events: [],
      personalData: false,
      active: true,
    });
    expect(Object.keys(problems).sort()).toEqual(['events', 'name', 'url']);
    expect(
      webhookProblems({
        name: 'Çağrı merkezi',
        url: ' https://crm.example.org/hook?token=abc ',
        events: ['ticket.completed'],
        personalData: true,
        active: true,
      }),
    ).toEqual({});
  });

  it('when endpoints fail or retry, then the live page names failing ones first and leaves the rest out', () => {
    const list = [
      view('A', 'ok'),
      view('B', 'retrying'),
      view('C', 'failing'),
      view('D', 'paused'),
      view('E', 'idle'),
    ];
    expect(troubledWebhooks(list).map((w) => w.name)).toEqual(['C', 'B']);
    expect(list.filter(mayRetryNow).map((w) => w.name)).toEqual(['B', 'C']);
  });
});
