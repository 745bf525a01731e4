import {
  WEBHOOK_EVENT_TYPES,
  webhookCreateBody,
  type WebhookEventType,
  type WebhookState,
  type WebhookView,
} from '../../../contract/webhooks.js';
import { schemaProblems, type Problems } from './settings-validation.js';

/** The event groups of the form, as the hall's work falls apart: the line, the desks, bookings. */
export const EVENT_GROUPS = ['ticket', 'counter', 'booking'] as const;
export type EventGroup = (typeof EVENT_GROUPS)[number];

/** The events of a group, in the contract's order. */
export function eventsOf(group: EventGroup): WebhookEventType[] {
  return WEBHOOK_EVENT_TYPES.filter((t) => t.startsWith(`${group}.`));
}

/** Whether every, some or none of a group's events are ticked (the "hepsi" box's state). */
export function groupState(
  group: EventGroup,
  chosen: readonly WebhookEventType[],
): 'all' | 'some' | 'none' {
  const n = eventsOf(group).filter((t) => chosen.includes(t)).length;
  return n === 0 ? 'none' : n === eventsOf(group).length ? 'all' : 'some';
}

/** The ticked events with a group's set all on or all off, in the contract's order. */
export function withGroup(
  chosen: readonly WebhookEventType[],
  group: EventGroup,
  on: boolean,
): WebhookEventType[] {
  const inGroup = new Set<WebhookEventType>(eventsOf(group));
  const next = new Set(chosen.filter((t) => !inGroup.has(t)));
  if (on) for (const t of inGroup) next.add(t);
  return WEBHOOK_EVENT_TYPES.filter((t) => next.has(t));
}

/** The ticked events with one event set on or off, in the contract's order. */
export function withEvent(
  chosen: readonly WebhookEventType[],
  event: WebhookEventType,
  on: boolean,
): WebhookEventType[] {
  const next = new Set(chosen);
  if (on) next.add(event);
  else next.delete(event);
  return WEBHOOK_EVENT_TYPES.filter((t) => next.has(t));
}

export interface WebhookDraft {
  name: string;
  url: string;
  events: WebhookEventType[];
  personalData: boolean;
  active: boolean;
}

export const EMPTY_WEBHOOK: WebhookDraft = {
  name: '',
  url: '',
  events: [],
  personalData: false,
  active: true,
};

export const draftOfWebhook = (w: WebhookView): WebhookDraft => ({
  name: w.name,
  url: w.url,
  events: [...w.events],
  personalData: w.personalData,
  active: w.active,
});

/** The form's problems by the server's own schema (`url`: not an http(s) address; `events`). */
export function webhookProblems(d: WebhookDraft): Problems {
  return schemaProblems(webhookCreateBody, { ...d, name: d.name.trim(), url: d.url.trim() });
}

/**
 * The endpoints a manager should be told about on the live page: those failing for a day, then
 * those retrying (the receiver is down now; retries go on by themselves).
 */
export function troubledWebhooks(list: readonly WebhookView[]): WebhookView[] {
  const rank: Partial<Record<WebhookState, number>> = { failing: 0, retrying: 1 };
  return list
    .filter((w) => rank[w.status.state] !== undefined)
    .sort((a, b) => rank[a.status.state]! - rank[b.status.state]!);
}

/** Whether "try now" makes sense: an event is waiting on back-off. */
export const mayRetryNow = (w: WebhookView) =>
  w.status.state === 'retrying' || w.status.state === 'failing';
